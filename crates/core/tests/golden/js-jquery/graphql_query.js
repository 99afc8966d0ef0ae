// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
$.ajax({
    url: "http://localhost:8080/anything/graphql",
    method: "POST",
    headers: {
        "X-Request-Id": "hero-1",
    },
    contentType: "application/json",
    data: "{\"query\": \"query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}",
    processData: false,
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
