const url = "http://localhost:8080/anything/users/42/posts/a%20b%2Fc";

const response = await fetch(url, {
    method: "DELETE",
});

console.log(response.status, response.statusText);
console.log(await response.text());
