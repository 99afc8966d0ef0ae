import axios from "axios";

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything",
    headers: {
        "Content-Type": "application/json",
    },
    data: "{\"template\": \"{{not closed\"}",
});

console.log(response.status, response.statusText);
console.log(response.data);
