import http.client

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("DELETE", "/anything/users/42/posts/a%20b%2Fc")
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
