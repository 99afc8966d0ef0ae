const url = "http://localhost:8080/sse/chat";

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "application/json",
        "Accept": "text/event-stream",
    },
    body: "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}",
});

console.log(response.status, response.statusText);
const reader = response.body.getReader();
const decoder = new TextDecoder();
for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    console.log(decoder.decode(value, { stream: true }));
}
