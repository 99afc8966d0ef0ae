import http from "node:http";

const url = "http://localhost:8080/anything/basic";
const body = "{\"ok\": true}";

const options = {
    method: "PUT",
    headers: {
        "Content-Type": "application/json",
    },
    auth: "peter:s3cr3t: 'quoted' ü",
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
