$params = @{
    Uri = 'http://localhost:8080/anything?page=2&per_page=50'
    Method = 'Post'
    Headers = @{
        'Accept' = 'application/json'
        'Accept-Language' = 'en-US,en;q=0.9'
        'Cache-Control' = 'no-cache'
        'X-Request-Id' = '7f3a-11'
    }
    ContentType = 'application/json'
    Body = '[1, 2.5, null, "x"]'
}
$response = Invoke-RestMethod @params
$response
