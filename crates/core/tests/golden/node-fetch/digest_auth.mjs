const url = "http://localhost:8080/anything/digest";

const response = await fetch(url);

console.log(response.status, response.statusText);
console.log(await response.text());
