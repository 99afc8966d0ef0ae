const url = "http://localhost:8080/anything/bearer";

const response = await fetch(url, {
    headers: {
        "Authorization": "Bearer abc.DEF-123_~+/=",
    },
});

console.log(response.status, response.statusText);
console.log(await response.text());
