import http from "node:http";

const url = "http://localhost:8080/anything/oauth";

const options = {
    method: "GET",
    headers: {
        "Accept": "application/json",
        "Authorization": "Bearer YOUR_ACCESS_TOKEN",
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
