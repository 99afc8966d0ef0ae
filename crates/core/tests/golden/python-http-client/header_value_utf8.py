import http.client

headers = {
    "X-Note": "café ✓".encode("utf-8"),
    "X-Latin": "naïve".encode("utf-8"),
    "Accept": "application/json",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("GET", "/anything", headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
