import axios from "axios";

const response = await axios({
    method: "PATCH",
    url: "http://localhost:8080/anything",
    headers: {
        "Authorization": "Bearer eyJhbGciOi.abc-123_x",
        "Content-Type": "application/json",
    },
    data: "{\"done\":true}",
});

console.log(response.status, response.statusText);
console.log(response.data);
