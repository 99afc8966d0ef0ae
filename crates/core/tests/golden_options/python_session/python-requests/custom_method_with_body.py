import requests

url = "http://localhost:8080/anything/dav"
headers = {
    "Depth": "1",
    "Content-Type": "application/xml",
}
data = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>"

with requests.Session() as session:
    response = session.request("PROPFIND", url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
