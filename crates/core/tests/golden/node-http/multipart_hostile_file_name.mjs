import http from "node:http";
import { readFile } from "node:fs/promises";

const url = "http://localhost:8080/anything/upload";
const form = new FormData();
form.append("data", new Blob([await readFile("my file's data.csv")], { type: "text/csv" }), "my file's data.csv");
form.append("comment", "it's \"fine\" $(id) `x` <x;y>");
// node:http has no multipart encoder: Response encodes the form and picks the boundary.
const multipart = new Response(form);
const body = Buffer.from(await multipart.arrayBuffer());

const options = {
    method: "PUT",
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
