import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/graphql"
headers = {
    "X-Request-Id": "hero-1",
    "Content-Type": "application/json",
}
body = "{\"query\": \"query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}"

response = http.request("POST", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
