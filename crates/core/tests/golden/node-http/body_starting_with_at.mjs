import http from "node:http";

const url = "http://localhost:8080/anything";
const body = "@/etc/passwd";

const options = {
    method: "POST",
    headers: {
        "Content-Type": "text/plain",
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
