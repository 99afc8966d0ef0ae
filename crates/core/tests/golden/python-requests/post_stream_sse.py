import requests

url = "http://localhost:8080/sse/chat"
headers = {
    "Content-Type": "application/json",
    "Accept": "text/event-stream",
}
data = "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}"

response = requests.post(url, headers=headers, data=data, stream=True)

print(response.status_code, response.reason)
for line in response.iter_lines():
    print(line.decode("utf-8"), flush=True)
