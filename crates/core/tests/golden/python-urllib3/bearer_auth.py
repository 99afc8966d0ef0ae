import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/bearer"
headers = {
    "Authorization": "Bearer abc.DEF-123_~+/=",
}

response = http.request("GET", url, headers=headers)

print(response.status, response.reason)
print(response.data.decode())
