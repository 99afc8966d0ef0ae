const url = "http://localhost:8080/anything?name=Peter&age=30";

const response = await fetch(url);

console.log(response.status, response.statusText);
console.log(await response.text());
