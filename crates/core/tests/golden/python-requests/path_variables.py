import requests

url = "http://localhost:8080/anything/users/42/posts/a%20b%2Fc"

response = requests.delete(url)

print(response.status_code, response.reason)
print(response.text)
