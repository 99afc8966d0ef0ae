import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything/bearer",
    headers: {
        "Authorization": "Bearer abc.DEF-123_~+/=",
    },
});

console.log(response.status, response.statusText);
console.log(response.data);
