import requests

url = "http://localhost:8080/anything"
headers = {
    "X-API-Key": "k-123",
}

response = requests.get(url, headers=headers)

print(response.status_code, response.reason)
print(response.text)
