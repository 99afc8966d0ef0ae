import axios from "axios";
import { readFile } from "node:fs/promises";

const form = new FormData();
form.append("title", "Holiday photos");
form.append("photo", new Blob([await readFile("pixel.png")], { type: "image/png" }), "pixel.png");
form.append("notes", new Blob([await readFile("hello.txt")], { type: "text/plain" }), "hello.txt");
form.append("at", "@hello.txt");

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything",
    data: form,
});

console.log(response.status, response.statusText);
console.log(response.data);
