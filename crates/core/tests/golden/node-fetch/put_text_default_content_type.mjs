const url = "http://localhost:8080/anything/items/1";

const response = await fetch(url, {
    method: "PUT",
    headers: {
        "Content-Type": "text/plain;charset=UTF-8",
    },
    body: "hello",
});

console.log(response.status, response.statusText);
console.log(await response.text());
