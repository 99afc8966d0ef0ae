import http.client

body = "{\"query\": \"query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}"
headers = {
    "X-Request-Id": "hero-1",
    "Content-Type": "application/json",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything/graphql", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
