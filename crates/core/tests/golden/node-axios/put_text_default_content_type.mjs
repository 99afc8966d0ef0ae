import axios from "axios";

const response = await axios({
    method: "PUT",
    url: "http://localhost:8080/anything/items/1",
    headers: {
        "Content-Type": "text/plain;charset=UTF-8",
    },
    data: "hello",
});

console.log(response.status, response.statusText);
console.log(response.data);
