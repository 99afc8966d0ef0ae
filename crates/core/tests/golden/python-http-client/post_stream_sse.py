import http.client

body = "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}"
headers = {
    "Content-Type": "application/json",
    "Accept": "text/event-stream",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/sse/chat", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
for line in response:
    print(line.decode().rstrip("\r\n"), flush=True)
conn.close()
