import http from "node:http";
import { readFile } from "node:fs/promises";

const url = "http://localhost:8080/anything";
const form = new FormData();
form.append("meta", "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}");
form.append("title", "plain; field");
form.append("notes", new Blob([await readFile("hello.txt")], { type: "text/markdown" }), "hello.txt");
// node:http has no multipart encoder: Response encodes the form and picks the boundary.
const multipart = new Response(form);
const body = Buffer.from(await multipart.arrayBuffer());

const options = {
    method: "POST",
    headers: {
        "Content-Type": multipart.headers.get("Content-Type"),
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
