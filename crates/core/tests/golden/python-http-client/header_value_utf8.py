import http.client

headers = {
    "X-Note": "café ✓",
    "X-Latin": "naïve",
    "Accept": "application/json",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("GET", "/anything", headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
