import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything?page=2&per_page=50"
headers = {
    "Accept": "application/json",
    "Accept-Language": "en-US,en;q=0.9",
    "Cache-Control": "no-cache",
    "X-Request-Id": "7f3a-11",
    "Content-Type": "application/json",
}
body = "[1, 2.5, null, \"x\"]"

response = http.request("POST", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
