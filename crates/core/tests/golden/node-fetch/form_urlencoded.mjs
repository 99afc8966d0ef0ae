const url = "http://localhost:8080/anything";
const params = new URLSearchParams([
    ["name", "Peter Parker"],
    ["city", "New York & Co"],
    ["tag", "a"],
    ["tag", "b=c"],
    ["note", "é ✓ 100%"],
]);

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "application/x-www-form-urlencoded",
    },
    body: params,
});

console.log(response.status, response.statusText);
console.log(await response.text());
