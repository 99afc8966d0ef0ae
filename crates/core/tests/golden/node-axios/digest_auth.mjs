import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything/digest",
});

console.log(response.status, response.statusText);
console.log(response.data);
