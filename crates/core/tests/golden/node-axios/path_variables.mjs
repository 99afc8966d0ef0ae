import axios from "axios";

const response = await axios({
    method: "DELETE",
    url: "http://localhost:8080/anything/users/42/posts/a%20b%2Fc",
});

console.log(response.status, response.statusText);
console.log(response.data);
