import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/digest"

response = http.request("GET", url)

print(response.status, response.reason)
print(response.data.decode())
