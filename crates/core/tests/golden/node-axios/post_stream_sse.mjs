import axios from "axios";

const response = await axios({
    method: "POST",
    url: "http://localhost:8080/sse/chat",
    headers: {
        "Content-Type": "application/json",
        "Accept": "text/event-stream",
    },
    data: "{\n  \"model\": \"echo-1\",\n  \"stream\": true,\n  \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]\n}",
    responseType: "stream",
});

console.log(response.status, response.statusText);
for await (const chunk of response.data) {
    process.stdout.write(chunk);
}
