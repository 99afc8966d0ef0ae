const url = "http://localhost:8080/anything";

const response = await fetch(url, {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
  },
  body: "{\n  \"name\": \"Peter\",\n  \"tags\": [\"a\", \"b\"]\n}",
});

console.log(response.status, response.statusText);
console.log(await response.text());
