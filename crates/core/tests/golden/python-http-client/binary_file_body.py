import http.client
from pathlib import Path

body = Path("bytes.bin").read_bytes()
headers = {
    "Content-Type": "application/octet-stream",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything/bin", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
