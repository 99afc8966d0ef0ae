$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Patch'
    Headers = @{
        'Authorization' = 'Bearer eyJhbGciOi.abc-123_x'
    }
    ContentType = 'application/json'
    Body = '{"done":true}'
}
$response = Invoke-RestMethod @params
$response
