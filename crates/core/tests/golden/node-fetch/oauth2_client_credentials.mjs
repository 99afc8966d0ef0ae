const url = "http://localhost:8080/anything/oauth";

const response = await fetch(url, {
    headers: {
        "Accept": "application/json",
        "Authorization": "Bearer YOUR_ACCESS_TOKEN",
    },
});

console.log(response.status, response.statusText);
console.log(await response.text());
