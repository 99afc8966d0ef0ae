const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything/graphql");
xhr.setRequestHeader("X-Request-Id", "hero-1");
xhr.setRequestHeader("Content-Type", "application/json");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("{\"query\": \"query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}");
