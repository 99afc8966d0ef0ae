const url = "http://localhost:8080/anything?page=1&api+key=v+1%262";

const response = await fetch(url);

console.log(response.status, response.statusText);
console.log(await response.text());
