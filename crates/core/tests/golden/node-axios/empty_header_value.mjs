import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything",
    headers: {
        "X-Empty": "",
        "X-Full": "x",
    },
});

console.log(response.status, response.statusText);
console.log(response.data);
