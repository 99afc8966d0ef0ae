$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
    Headers = @{
        'X-Tag' = 'a, b, c'
        'X-Other' = '1'
    }
}
$response = Invoke-RestMethod @params
$response
