import http from "node:http";

const url = "http://localhost:8080/anything/graphql";
const body = "{\"query\": \"query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}";

const options = {
    method: "POST",
    headers: {
        "X-Request-Id": "hero-1",
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
