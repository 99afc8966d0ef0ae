const url = "http://localhost:8080/anything?name=Peter&age=30&q=a%20b%26c=d";

const response = await fetch(url);

console.log(response.status, response.statusText);
console.log(await response.text());
