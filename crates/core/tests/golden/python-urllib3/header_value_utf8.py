import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = {
    "X-Note": "café ✓".encode("utf-8"),
    "X-Latin": "naïve".encode("utf-8"),
    "Accept": "application/json",
}

response = http.request("GET", url, headers=headers)

print(response.status, response.reason)
print(response.data.decode())
