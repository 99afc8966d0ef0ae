import requests

url = "http://localhost:8080/anything/graphql"
headers = {
    "X-Request-Id": "hero-1",
    "Content-Type": "application/json",
}
data = "{\"query\": \"query HeroWithFriends($episode: Episode, $first: Int = 2) {\\n  hero(episode: $episode) {\\n    name\\n    friends(first: $first) {\\n      name\\n    }\\n  }\\n}\", \"operationName\": \"HeroWithFriends\", \"variables\": {\"episode\": \"JEDI\", \"first\": 3}}"

response = requests.post(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
