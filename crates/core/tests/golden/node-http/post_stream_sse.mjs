import http from "node:http";

const url = "http://localhost:8080/sse/chat";
const body = "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}";

const options = {
    method: "POST",
    headers: {
        "Content-Type": "application/json",
        "Accept": "text/event-stream",
    },
};

const request = http.request(url, options, (response) => {
    console.log(response.statusCode, response.statusMessage);
    response.setEncoding("utf8");
    response.on("data", (chunk) => process.stdout.write(chunk));
});
request.on("error", (error) => {
    console.error(error);
    process.exitCode = 1;
});
request.end(body);
