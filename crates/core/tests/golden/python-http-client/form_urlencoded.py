import http.client
from urllib.parse import urlencode

body = urlencode([
    ("name", "Peter Parker"),
    ("city", "New York & Co"),
    ("tag", "a"),
    ("tag", "b=c"),
    ("note", "é ✓ 100%"),
])
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
