const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    // Node sends a header string as Latin-1, a byte a character: these strings are the values' UTF-8 bytes.
    headers: {
        "X-Note": Buffer.from("café ✓").toString("latin1"),
        "X-Latin": Buffer.from("naïve").toString("latin1"),
        "Accept": "application/json",
    },
});

console.log(response.status, response.statusText);
console.log(await response.text());
