import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "text/plain",
}
body = "@/etc/passwd"

response = http.request("POST", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
