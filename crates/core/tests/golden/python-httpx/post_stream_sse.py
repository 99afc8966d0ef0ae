import httpx

url = "http://localhost:8080/sse/chat"
headers = {
    "Content-Type": "application/json",
    "Accept": "text/event-stream",
}
content = "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}"

with httpx.stream("POST", url, headers=headers, content=content, follow_redirects=True) as response:
    print(response.status_code, response.reason_phrase)
    for line in response.iter_lines():
        print(line, flush=True)
