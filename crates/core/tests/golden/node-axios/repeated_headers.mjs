import axios from "axios";

const response = await axios({
    method: "GET",
    url: "http://localhost:8080/anything",
    headers: {
        "X-Tag": ["a", "b", "c"],
        "X-Other": "1",
    },
});

console.log(response.status, response.statusText);
console.log(response.data);
