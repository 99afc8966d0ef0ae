import { readFile } from "node:fs/promises";

const url = "http://localhost:8080/anything";
// FormData can give "meta" a Content-Type only as a file (named "blob"): the body is written out by hand.
const multipart = Buffer.concat([
    Buffer.from("--reqlab-boundary-7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}\r\n"),
    Buffer.from("--reqlab-boundary-7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nplain; field\r\n"),
    Buffer.from("--reqlab-boundary-7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"notes\"; filename=\"hello.txt\"\r\nContent-Type: text/markdown\r\n\r\n"),
    await readFile("hello.txt"),
    Buffer.from("\r\n--reqlab-boundary-7MA4YWxkTrZu0gW--\r\n"),
]);

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "multipart/form-data; boundary=reqlab-boundary-7MA4YWxkTrZu0gW",
    },
    body: multipart,
});

console.log(response.status, response.statusText);
console.log(await response.text());
