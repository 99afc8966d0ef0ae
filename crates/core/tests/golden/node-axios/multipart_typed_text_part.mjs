import axios from "axios";
import { readFile } from "node:fs/promises";

const form = new FormData();
form.append("meta", "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}");
form.append("title", "plain; field");
form.append("notes", new Blob([await readFile("hello.txt")], { type: "text/markdown" }), "hello.txt");

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything",
    data: form,
});

console.log(response.status, response.statusText);
console.log(response.data);
