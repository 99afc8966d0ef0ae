import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/dav"
headers = {
    "Depth": "1",
    "Content-Type": "application/xml",
}
body = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>"

response = http.request("PROPFIND", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
