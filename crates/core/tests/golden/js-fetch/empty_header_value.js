const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    headers: {
        "X-Empty": "",
        "X-Full": "x",
    },
});

console.log(response.status, response.statusText);
console.log(await response.text());
