import requests

url = "http://localhost:8080/anything"

response = requests.head(url, allow_redirects=True)

print(response.status_code, response.reason)
print(response.text)
