import http.client

headers = {
    "Accept": "application/json",
    "Authorization": "Bearer YOUR_ACCESS_TOKEN",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("GET", "/anything/oauth", headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
