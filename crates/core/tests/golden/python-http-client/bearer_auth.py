import http.client

headers = {
    "Authorization": "Bearer abc.DEF-123_~+/=",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("GET", "/anything/bearer", headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
