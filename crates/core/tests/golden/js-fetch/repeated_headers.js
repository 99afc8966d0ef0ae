const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    headers: [
        ["X-Tag", "a"],
        ["X-Other", "1"],
        ["X-Tag", "b"],
        ["x-tag", "c"],
    ],
});

console.log(response.status, response.statusText);
console.log(await response.text());
