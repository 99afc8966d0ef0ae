import http.client

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("GET", "/anything/digest")
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
