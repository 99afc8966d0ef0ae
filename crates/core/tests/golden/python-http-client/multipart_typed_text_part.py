import http.client
import uuid
from pathlib import Path

# (name, file name, content type, content) for each part, in order.
parts = [
    ("meta", None, "application/json", "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}".encode("utf-8")),
    ("title", None, None, "plain; field".encode("utf-8")),
    ("notes", "hello.txt", "text/markdown", Path("hello.txt").read_bytes()),
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
