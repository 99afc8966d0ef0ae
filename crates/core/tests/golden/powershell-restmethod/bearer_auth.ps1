$params = @{
    Uri = 'http://localhost:8080/anything/bearer'
    Method = 'Get'
    Headers = @{
        'Authorization' = 'Bearer abc.DEF-123_~+/='
    }
}
$response = Invoke-RestMethod @params
$response
