$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
    Headers = @{
        'X-Empty' = ''
        'X-Full' = 'x'
    }
}
$response = Invoke-RestMethod @params
$response
