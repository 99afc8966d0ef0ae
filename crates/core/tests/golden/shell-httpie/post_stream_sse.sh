http --ignore-stdin \
    --raw='{
  "model": "echo-1",
  "stream": true,
  "messages": [{"role": "user", "content": "Hello"}]
}' \
    --stream \
    --follow \
    'http://localhost:8080/sse/chat' \
    'Content-Type:application/json' \
    'Accept:text/event-stream'
