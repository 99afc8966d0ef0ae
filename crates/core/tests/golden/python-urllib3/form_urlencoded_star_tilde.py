import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}
body = "glob=*.txt&home=%7E%2Fdocs"  # encoded as browsers encode forms

response = http.request("POST", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
