http --ignore-stdin \
    --raw='{"query": "query HeroWithFriends($episode: Episode, $first: Int = 2) {\n  hero(episode: $episode) {\n    name\n    friends(first: $first) {\n      name\n    }\n  }\n}", "operationName": "HeroWithFriends", "variables": {"episode": "JEDI", "first": 3}}' \
    --follow \
    'http://localhost:8080/anything/graphql' \
    'X-Request-Id:hero-1' \
    'Content-Type:application/json'
