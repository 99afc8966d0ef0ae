$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    ContentType = 'application/json'
    Body = '{"template": "{{not closed"}'
}
$response = Invoke-RestMethod @params
$response
