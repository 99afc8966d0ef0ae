import http.client

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("GET", "/anything/a%20b/%5Bx%5D?q=a%20b&tag=%7Bx%7D&it%27s=%C3%BC&pct=100%25")
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
