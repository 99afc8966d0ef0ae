import requests

url = "http://localhost:8080/anything"
headers = {
    "X-Tag": "a, b, c",
    "X-Other": "1",
}

response = requests.get(url, headers=headers)

print(response.status_code, response.reason)
print(response.text)
