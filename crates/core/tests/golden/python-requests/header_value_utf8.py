import requests

url = "http://localhost:8080/anything"
headers = {
    "X-Note": "café ✓".encode("utf-8"),
    "X-Latin": "naïve".encode("utf-8"),
    "Accept": "application/json",
}

response = requests.get(url, headers=headers)

print(response.status_code, response.reason)
print(response.text)
