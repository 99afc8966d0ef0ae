import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/users/42/posts/a%20b%2Fc"

response = http.request("DELETE", url)

print(response.status, response.reason)
print(response.data.decode())
