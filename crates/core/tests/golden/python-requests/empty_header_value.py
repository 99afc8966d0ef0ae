import requests

url = "http://localhost:8080/anything"
headers = {
    "X-Empty": "",
    "X-Full": "x",
}

response = requests.get(url, headers=headers)

print(response.status_code, response.reason)
print(response.text)
