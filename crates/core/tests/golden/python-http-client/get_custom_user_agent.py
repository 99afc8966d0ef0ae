import http.client

headers = {
    "User-Agent": "reqlab-tutorial/1.0",
    "Accept": "application/json",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("GET", "/anything", headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
