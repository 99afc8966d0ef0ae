const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "text/plain; charset=utf-8",
    },
    body: "héllo ✓ 日本語 🦀 \u202E hidden \x07 bell",
});

console.log(response.status, response.statusText);
console.log(await response.text());
