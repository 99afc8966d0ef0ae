import http from "node:http";

const url = "http://localhost:8080/anything";
const body = "line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'";

const options = {
    method: "POST",
    headers: {
        "X-Hostile": "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <",
        "Content-Type": "text/plain;charset=UTF-8",
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
