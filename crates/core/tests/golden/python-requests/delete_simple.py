import requests

url = "http://localhost:8080/anything/items/1"

response = requests.delete(url)

print(response.status_code, response.reason)
print(response.text)
