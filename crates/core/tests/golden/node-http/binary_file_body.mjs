import http from "node:http";
import { readFile } from "node:fs/promises";

const url = "http://localhost:8080/anything/bin";
const body = await readFile("bytes.bin");

const options = {
    method: "POST",
    headers: {
        "Content-Type": "application/octet-stream",
    },
};

const request = http.request(url, options, (response) => {
    console.log(response.statusCode, response.statusMessage);
    response.setEncoding("utf8");
    let text = "";
    response.on("data", (chunk) => (text += chunk));
    response.on("end", () => console.log(text));
});
request.on("error", (error) => {
    console.error(error);
    process.exitCode = 1;
});
request.end(body);
