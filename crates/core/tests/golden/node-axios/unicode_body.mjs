import axios from "axios";

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything",
    headers: {
        "Content-Type": "text/plain; charset=utf-8",
    },
    data: "héllo ✓ 日本語 🦀 \u202E hidden \x07 bell",
});

console.log(response.status, response.statusText);
console.log(response.data);
