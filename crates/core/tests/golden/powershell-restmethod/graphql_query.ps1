$params = @{
    Uri = 'http://localhost:8080/anything/graphql'
    Method = 'Post'
    Headers = @{
        'X-Request-Id' = 'hero-1'
    }
    ContentType = 'application/json'
    Body = '{"query": "query HeroWithFriends($episode: Episode, $first: Int = 2) {\n  hero(episode: $episode) {\n    name\n    friends(first: $first) {\n      name\n    }\n  }\n}", "operationName": "HeroWithFriends", "variables": {"episode": "JEDI", "first": 3}}'
}
$response = Invoke-RestMethod @params
$response
