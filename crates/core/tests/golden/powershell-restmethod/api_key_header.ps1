$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
    Headers = @{
        'X-API-Key' = 'k-123'
    }
}
$response = Invoke-RestMethod @params
$response
