const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    method: "OPTIONS",
});

console.log(response.status, response.statusText);
console.log(await response.text());
