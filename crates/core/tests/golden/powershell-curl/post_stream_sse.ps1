curl.exe --request POST `
    --url 'http://localhost:8080/sse/chat' `
    --location `
    --header 'Content-Type: application/json' `
    --header 'Accept: text/event-stream' `
    --data-raw "{`n  `"model`": `"echo-1`",`n  `"stream`": true,`n  `"messages`": [{`"role`": `"user`", `"content`": `"Hello`"}]`n}" `
    --no-buffer
