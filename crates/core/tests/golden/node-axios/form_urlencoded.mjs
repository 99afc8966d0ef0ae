import axios from "axios";

const params = new URLSearchParams([
    ["name", "Peter Parker"],
    ["city", "New York & Co"],
    ["tag", "a"],
    ["tag", "b=c"],
    ["note", "é ✓ 100%"],
]);

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything",
    headers: {
        "Content-Type": "application/x-www-form-urlencoded",
    },
    data: params,
});

console.log(response.status, response.statusText);
console.log(response.data);
