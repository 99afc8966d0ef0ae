import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = urllib3.HTTPHeaderDict([
    ("X-Tag", "a"),
    ("X-Other", "1"),
    ("X-Tag", "b"),
    ("x-tag", "c"),
])

response = http.request("GET", url, headers=headers)

print(response.status, response.reason)
print(response.data.decode())
