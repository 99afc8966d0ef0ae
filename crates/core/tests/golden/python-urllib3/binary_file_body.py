import urllib3
from pathlib import Path

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/bin"
headers = {
    "Content-Type": "application/octet-stream",
}
body = Path("bytes.bin").read_bytes()

response = http.request("POST", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
