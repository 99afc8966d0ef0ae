const url = "http://localhost:8080/anything/graphql";

const response = await fetch(url, {
    method: "POST",
    headers: {
        "X-Request-Id": "hero-1",
        "Content-Type": "application/json",
    },
    body: "{\"query\": \"query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}",
});

console.log(response.status, response.statusText);
console.log(await response.text());
