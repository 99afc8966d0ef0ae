import http.client

body = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>"
headers = {
    "Depth": "1",
    "Content-Type": "application/xml",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("PROPFIND", "/anything/dav", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
