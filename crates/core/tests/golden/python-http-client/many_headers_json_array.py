import http.client

body = "[1, 2.5, null, \"x\"]"
headers = {
    "Accept": "application/json",
    "Accept-Language": "en-US,en;q=0.9",
    "Cache-Control": "no-cache",
    "X-Request-Id": "7f3a-11",
    "Content-Type": "application/json",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything?page=2&per_page=50", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
