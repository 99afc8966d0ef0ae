import { readFile } from "node:fs/promises";

const url = "http://localhost:8080/anything";
const form = new FormData();
form.append("meta", "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}");
form.append("title", "plain; field");
form.append("notes", new Blob([await readFile("hello.txt")], { type: "text/markdown" }), "hello.txt");

const response = await fetch(url, {
    method: "POST",
    body: form,
});

console.log(response.status, response.statusText);
console.log(await response.text());
