curl.exe --no-buffer `
    --url 'ws://localhost:8080/websocket/echo' `
    --header 'Sec-WebSocket-Protocol: chat.v1, chat.v2' `
    --header 'X-Client: reqlab-snippet' `
    --max-time 5
