import http.client

headers = [
    ("X-Tag", "a"),
    ("X-Other", "1"),
    ("X-Tag", "b"),
    ("x-tag", "c"),
]

conn = http.client.HTTPConnection("localhost", 8080)
conn.putrequest("GET", "/anything")
for name, value in headers:
    conn.putheader(name, value)
conn.endheaders()
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
