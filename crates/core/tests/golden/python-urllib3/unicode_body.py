import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "text/plain; charset=utf-8",
}
body = "héllo ✓ 日本語 🦀 \u202e hidden \x07 bell"

response = http.request("POST", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
