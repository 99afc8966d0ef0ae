import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/items/1"

response = http.request("DELETE", url)

print(response.status, response.reason)
print(response.data.decode())
