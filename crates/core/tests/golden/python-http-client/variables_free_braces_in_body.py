import http.client

body = "{\"template\": \"{{not closed\"}"
headers = {
    "Content-Type": "application/json",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
