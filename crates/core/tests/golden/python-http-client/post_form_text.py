import http.client

body = "name=Peter&city=New+York"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
