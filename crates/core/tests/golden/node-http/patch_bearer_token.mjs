import http from "node:http";

const url = "http://localhost:8080/anything";
const body = "{\"done\":true}";

const options = {
    method: "PATCH",
    headers: {
        "Authorization": "Bearer eyJhbGciOi.abc-123_x",
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
