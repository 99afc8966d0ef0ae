import http.client

body = "glob=*.txt&home=%7E%2Fdocs"  # encoded as browsers encode forms
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
