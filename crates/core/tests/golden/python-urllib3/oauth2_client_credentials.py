import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/oauth"
headers = {
    "Accept": "application/json",
    "Authorization": "Bearer YOUR_ACCESS_TOKEN",
}

response = http.request("GET", url, headers=headers)

print(response.status, response.reason)
print(response.data.decode())
