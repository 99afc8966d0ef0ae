const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    // Browsers send a header string as Latin-1, a byte a character: these strings are the values' UTF-8 bytes.
    headers: {
        "X-Note": String.fromCharCode(...new TextEncoder().encode("café ✓")),
        "X-Latin": String.fromCharCode(...new TextEncoder().encode("naïve")),
        "Accept": "application/json",
    },
});

console.log(response.status, response.statusText);
console.log(await response.text());
