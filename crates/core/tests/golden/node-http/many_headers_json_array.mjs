import http from "node:http";

const url = "http://localhost:8080/anything?page=2&per_page=50";
const body = "[1, 2.5, null, \"x\"]";

const options = {
    method: "POST",
    headers: {
        "Accept": "application/json",
        "Accept-Language": "en-US,en;q=0.9",
        "Cache-Control": "no-cache",
        "X-Request-Id": "7f3a-11",
        "Content-Type": "application/json",
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
