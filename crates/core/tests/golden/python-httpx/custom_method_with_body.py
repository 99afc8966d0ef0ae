import httpx

url = "http://localhost:8080/anything/dav"
headers = {
    "Depth": "1",
    "Content-Type": "application/xml",
}
content = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>"

response = httpx.request("PROPFIND", url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
