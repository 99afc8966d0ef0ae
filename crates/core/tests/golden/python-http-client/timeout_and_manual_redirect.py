import http.client

conn = http.client.HTTPConnection("localhost", 8080, timeout=2.5)
conn.request("GET", "/anything")
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
