import urllib3
from pathlib import Path

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
fields = [
    ("meta", (None, "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}", "application/json")),
    ("title", "plain; field"),
    ("notes", ("hello.txt", Path("hello.txt").read_bytes(), "text/markdown")),
]

response = http.request("POST", url, fields=fields)

print(response.status, response.reason)
print(response.data.decode())
