import http from "node:http";

const url = "http://localhost:8080/anything/digest";

const options = {
    method: "GET",
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
