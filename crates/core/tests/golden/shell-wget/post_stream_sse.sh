wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: application/json' \
    --header='Accept: text/event-stream' \
    --body-data='{
  "model": "echo-1",
  "stream": true,
  "messages": [{"role": "user", "content": "Hello"}]
}' \
    'http://localhost:8080/sse/chat'
