const url = "http://localhost:8080/anything/items/1";

const response = await fetch(url, {
    method: "DELETE",
});

console.log(response.status, response.statusText);
console.log(await response.text());
