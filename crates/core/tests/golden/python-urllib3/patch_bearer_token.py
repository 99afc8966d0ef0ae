import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = {
    "Authorization": "Bearer eyJhbGciOi.abc-123_x",
    "Content-Type": "application/json",
}
body = "{\"done\":true}"

response = http.request("PATCH", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
