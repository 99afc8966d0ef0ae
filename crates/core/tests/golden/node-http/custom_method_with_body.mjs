import http from "node:http";

const url = "http://localhost:8080/anything/dav";
const body = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/>\x3C/propfind>";

const options = {
    method: "PROPFIND",
    headers: {
        "Depth": "1",
        "Content-Type": "application/xml",
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
