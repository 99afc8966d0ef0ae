$params = @{
    Uri = 'http://localhost:8080/anything/basic'
    Method = 'Put'
    Headers = @{
        'Authorization' = 'Basic cGV0ZXI6czNjcjN0OiAncXVvdGVkJyDDvA=='
    }
    ContentType = 'application/json'
    Body = '{"ok": true}'
}
$response = Invoke-RestMethod @params
$response
