import axios from "axios";
import { readFile } from "node:fs/promises";

const form = new FormData();
form.append("data", new Blob([await readFile("my file's data.csv")], { type: "text/csv" }), "my file's data.csv");
form.append("comment", "it's \"fine\" $(id) `x` <x;y>");

const response = await axios({
    method: "PUT",
    url: "http://localhost:8080/anything/upload",
    data: form,
});

console.log(response.status, response.statusText);
console.log(response.data);
