import axios from "axios";
import { readFile } from "node:fs/promises";

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/anything/bin",
    headers: {
        "Content-Type": "application/octet-stream",
    },
    data: await readFile("bytes.bin"),
});

console.log(response.status, response.statusText);
console.log(response.data);
