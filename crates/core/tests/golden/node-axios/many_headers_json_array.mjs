import axios from "axios";

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything?page=2&per_page=50",
    headers: {
        "Accept": "application/json",
        "Accept-Language": "en-US,en;q=0.9",
        "Cache-Control": "no-cache",
        "X-Request-Id": "7f3a-11",
        "Content-Type": "application/json",
    },
    data: "[1, 2.5, null, \"x\"]",
});

console.log(response.status, response.statusText);
console.log(response.data);
