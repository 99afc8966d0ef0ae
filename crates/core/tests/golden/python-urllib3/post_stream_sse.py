import sys
import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/sse/chat"
headers = {
    "Content-Type": "application/json",
    "Accept": "text/event-stream",
}
body = "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}"

response = http.request(
    "POST",
    url,
    headers=headers,
    body=body,
    preload_content=False,
)

print(response.status, response.reason, flush=True)
for chunk in response.stream():
    sys.stdout.buffer.write(chunk)
    sys.stdout.buffer.flush()
response.release_conn()
