import { readFile } from "node:fs/promises";

const url = "http://localhost:8080/anything/bin";

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "application/octet-stream",
    },
    body: await readFile("bytes.bin"),
});

console.log(response.status, response.statusText);
console.log(await response.text());
