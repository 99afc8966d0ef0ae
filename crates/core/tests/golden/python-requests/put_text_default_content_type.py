import requests

url = "http://localhost:8080/anything/items/1"
headers = {
    "Content-Type": "text/plain;charset=UTF-8",
}
data = "hello"

response = requests.put(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
