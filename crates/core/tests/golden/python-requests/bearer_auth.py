import requests

url = "http://localhost:8080/anything/bearer"
headers = {
    "Authorization": "Bearer abc.DEF-123_~+/=",
}

response = requests.get(url, headers=headers)

print(response.status_code, response.reason)
print(response.text)
