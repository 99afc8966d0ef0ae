import http.client
import uuid
from pathlib import Path

# (name, file name, content type, content) for each part, in order.
parts = [
    ("title", None, None, "Holiday photos".encode("utf-8")),
    ("photo", "pixel.png", "image/png", Path("pixel.png").read_bytes()),
    ("notes", "hello.txt", "text/plain", Path("hello.txt").read_bytes()),
    ("at", None, None, "@hello.txt".encode("utf-8")),
]
boundary = uuid.uuid4().hex
body = b""
for name, file_name, content_type, content in parts:
    disposition = f'form-data; name="{name}"'
    if file_name is not None:
        disposition += f'; filename="{file_name}"'
    body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode("utf-8")
    if content_type is not None:
        body += f"Content-Type: {content_type}\r\n".encode("utf-8")
    body += b"\r\n" + content + b"\r\n"
body += f"--{boundary}--\r\n".encode("utf-8")
headers = {
    "Content-Type": f"multipart/form-data; boundary={boundary}",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
