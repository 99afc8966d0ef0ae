import { readFile } from "node:fs/promises";

const url = "http://localhost:8080/anything/upload";
const form = new FormData();
form.append("data", new Blob([await readFile("my file's data.csv")], { type: "text/csv" }), "my file's data.csv");
form.append("comment", "it's \"fine\" $(id) `x` <x;y>");

const response = await fetch(url, {
    method: "PUT",
    body: form,
});

console.log(response.status, response.statusText);
console.log(await response.text());
