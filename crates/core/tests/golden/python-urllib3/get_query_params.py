import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything?name=Peter&age=30"

response = http.request("GET", url)

print(response.status, response.reason)
print(response.data.decode())
