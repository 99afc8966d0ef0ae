import axios from "axios";

const response = await axios({
    method: "DELETE",
    url: "http://localhost:8080/anything/items/1",
});

console.log(response.status, response.statusText);
console.log(response.data);
