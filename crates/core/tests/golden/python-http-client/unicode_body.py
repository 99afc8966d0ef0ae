import http.client

body = "héllo ✓ 日本語 🦀 \u202e hidden \x07 bell".encode("utf-8")
headers = {
    "Content-Type": "text/plain; charset=utf-8",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
