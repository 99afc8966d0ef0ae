import requests

url = "http://localhost:8080/anything?page=1&api+key=v+1%262"

response = requests.get(url)

print(response.status_code, response.reason)
print(response.text)
