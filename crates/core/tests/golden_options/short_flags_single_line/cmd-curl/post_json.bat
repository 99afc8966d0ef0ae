curl -X POST "http://localhost:8080/anything" -L -H "Content-Type: application/json" --data-raw "{   "\^""name"\^"": "\^""Peter"\^"",   "\^""tags"\^"": ["\^""a"\^"", "\^""b"\^""] }"
