import http.client

body = "{\"done\":true}"
headers = {
    "Authorization": "Bearer eyJhbGciOi.abc-123_x",
    "Content-Type": "application/json",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("PATCH", "/anything", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
