import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/items/1"
headers = {
    "Content-Type": "text/plain;charset=UTF-8",
}
body = "hello"

response = http.request("PUT", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
