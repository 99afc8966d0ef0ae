const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    method: "PATCH",
    headers: {
        "Authorization": "Bearer eyJhbGciOi.abc-123_x",
        "Content-Type": "application/json",
    },
    body: "{\"done\":true}",
});

console.log(response.status, response.statusText);
console.log(await response.text());
