import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything",
    headers: {
        "User-Agent": "reqlab-tutorial/1.0",
        "Accept": "application/json",
    },
});

console.log(response.status, response.statusText);
console.log(response.data);
