import http.client

body = "hello"
headers = {
    "Content-Type": "text/plain;charset=UTF-8",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("PUT", "/anything/items/1", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
