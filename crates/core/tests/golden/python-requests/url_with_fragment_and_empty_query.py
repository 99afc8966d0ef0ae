import requests

url = "http://localhost:8080/anything"

response = requests.get(url)

print(response.status_code, response.reason)
print(response.text)
