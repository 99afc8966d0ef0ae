import urllib3
from pathlib import Path

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
fields = [
    ("title", "Holiday photos"),
    ("photo", ("pixel.png", Path("pixel.png").read_bytes(), "image/png")),
    ("notes", ("hello.txt", Path("hello.txt").read_bytes(), "text/plain")),
    ("at", "@hello.txt"),
]

response = http.request("POST", url, fields=fields)

print(response.status, response.reason)
print(response.data.decode())
