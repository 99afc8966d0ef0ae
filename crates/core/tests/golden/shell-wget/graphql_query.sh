wget --quiet --output-document=- \
    --method=POST \
    --header='X-Request-Id: hero-1' \
    --header='Content-Type: application/json' \
    --body-data='{"query": "query HeroWithFriends($episode: Episode, $first: Int = 2) {\n  hero(episode: $episode) {\n    name\n    friends(first: $first) {\n      name\n    }\n  }\n}", "operationName": "HeroWithFriends", "variables": {"episode": "JEDI", "first": 3}}' \
    'http://localhost:8080/anything/graphql'
