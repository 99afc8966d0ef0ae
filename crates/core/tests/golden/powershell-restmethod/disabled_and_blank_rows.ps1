$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
    Headers = @{
        'X-On' = 'sent'
    }
}
$response = Invoke-RestMethod @params
$response
