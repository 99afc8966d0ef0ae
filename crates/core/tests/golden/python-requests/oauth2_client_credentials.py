import requests

url = "http://localhost:8080/anything/oauth"
headers = {
    "Accept": "application/json",
    "Authorization": "Bearer YOUR_ACCESS_TOKEN",
}

response = requests.get(url, headers=headers)

print(response.status_code, response.reason)
print(response.text)
