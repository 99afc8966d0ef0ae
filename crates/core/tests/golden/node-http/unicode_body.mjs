import http from "node:http";

const url = "http://localhost:8080/anything";
const body = "héllo ✓ 日本語 🦀 \u202E hidden \x07 bell";

const options = {
    method: "POST",
    headers: {
        "Content-Type": "text/plain; charset=utf-8",
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
