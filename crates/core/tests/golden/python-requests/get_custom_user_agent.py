import requests

url = "http://localhost:8080/anything"
headers = {
    "User-Agent": "reqlab-tutorial/1.0",
    "Accept": "application/json",
}

response = requests.get(url, headers=headers)

print(response.status_code, response.reason)
print(response.text)
