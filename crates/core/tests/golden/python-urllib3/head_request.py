import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"

response = http.request("HEAD", url)

print(response.status, response.reason)
print(response.data.decode())
