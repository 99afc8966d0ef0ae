const url = "http://localhost:8080/anything";

const response = await fetch(url, {
    redirect: "manual",
});

console.log(response.status, response.statusText);
console.log(await response.text());
