const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    headers: {
        "X-Note": "café ✓",
        "X-Latin": "naïve",
        "Accept": "application/json",
    },
});

console.log(response.status, response.statusText);
console.log(await response.text());
