curl.exe --request POST `
    --url 'http://localhost:8080/anything/graphql' `
    --location `
    --header 'X-Request-Id: hero-1' `
    --header 'Content-Type: application/json' `
    --data-raw '{"query": "query HeroWithFriends($episode: Episode, $first: Int = 2) {\n  hero(episode: $episode) {\n    name\n    friends(first: $first) {\n      name\n    }\n  }\n}", "operationName": "HeroWithFriends", "variables": {"episode": "JEDI", "first": 3}}'
