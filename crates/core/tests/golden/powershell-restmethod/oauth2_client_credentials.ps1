$params = @{
    Uri = 'http://localhost:8080/anything/oauth'
    Method = 'Get'
    Headers = @{
        'Accept' = 'application/json'
        'Authorization' = 'Bearer YOUR_ACCESS_TOKEN'
    }
}
$response = Invoke-RestMethod @params
$response
