import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything?page=1&api+key=v+1%262"

response = http.request("GET", url)

print(response.status, response.reason)
print(response.data.decode())
