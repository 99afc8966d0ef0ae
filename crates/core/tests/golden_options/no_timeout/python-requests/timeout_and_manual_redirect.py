import requests

url = "http://localhost:8080/anything"

response = requests.get(url, allow_redirects=False)

print(response.status_code, response.reason)
print(response.text)
