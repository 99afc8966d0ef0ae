const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "application/json",
    },
    body: "{\"template\": \"{{not closed\"}",
});

console.log(response.status, response.statusText);
console.log(await response.text());
