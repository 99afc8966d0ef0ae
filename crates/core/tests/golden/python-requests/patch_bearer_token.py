import requests

url = "http://localhost:8080/anything"
headers = {
    "Authorization": "Bearer eyJhbGciOi.abc-123_x",
    "Content-Type": "application/json",
}
data = "{\"done\":true}"

response = requests.patch(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
