import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = {
    "X-On": "sent",
}

response = http.request("GET", url, headers=headers)

print(response.status, response.reason)
print(response.data.decode())
