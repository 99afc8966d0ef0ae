curl --request POST ^
    --url "http://localhost:8080/sse/chat" ^
    --location ^
    --header "Content-Type: application/json" ^
    --header "Accept: text/event-stream" ^
    --data-raw "{   "\^""model"\^"": "\^""echo-1"\^"",   "\^""stream"\^"": true,   "\^""messages"\^"": [{"\^""role"\^"": "\^""user"\^"", "\^""content"\^"": "\^""Hello"\^""}] }" ^
    --no-buffer
