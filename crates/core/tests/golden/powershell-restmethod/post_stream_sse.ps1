$params = @{
    Uri = 'http://localhost:8080/sse/chat'
    Method = 'Post'
    Headers = @{
        'Accept' = 'text/event-stream'
    }
    ContentType = 'application/json'
    Body = "{`n  `"model`": `"echo-1`",`n  `"stream`": true,`n  `"messages`": [{`"role`": `"user`", `"content`": `"Hello`"}]`n}"
}
$response = Invoke-RestMethod @params
$response
