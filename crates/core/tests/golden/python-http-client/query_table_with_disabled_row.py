import http.client

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("GET", "/anything?name=Peter&age=30&q=a%20b%26c=d")
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
