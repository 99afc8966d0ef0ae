const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    headers: {
        "User-Agent": "reqlab-tutorial/1.0",
        "Accept": "application/json",
    },
});

console.log(response.status, response.statusText);
console.log(await response.text());
