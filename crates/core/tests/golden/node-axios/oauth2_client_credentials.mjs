import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything/oauth",
    headers: {
        "Accept": "application/json",
        "Authorization": "Bearer YOUR_ACCESS_TOKEN",
    },
});

console.log(response.status, response.statusText);
console.log(response.data);
