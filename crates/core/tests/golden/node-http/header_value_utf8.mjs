import http from "node:http";

const url = "http://localhost:8080/anything";

const options = {
    method: "GET",
    // Node sends a header string as Latin-1, a byte a character: these strings are the values' UTF-8 bytes.
    headers: {
        "X-Note": Buffer.from("café ✓").toString("latin1"),
        "X-Latin": Buffer.from("naïve").toString("latin1"),
        "Accept": "application/json",
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
request.end();
