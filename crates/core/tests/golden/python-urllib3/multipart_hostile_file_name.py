import urllib3
from pathlib import Path

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/upload"
fields = [
    ("data", ("my file's data.csv", Path("my file's data.csv").read_bytes(), "text/csv")),
    ("comment", "it's \"fine\" $(id) `x` <x;y>"),
]

response = http.request("PUT", url, fields=fields)

print(response.status, response.reason)
print(response.data.decode())
