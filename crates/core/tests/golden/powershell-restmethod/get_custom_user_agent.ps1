$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
    Headers = @{
        'Accept' = 'application/json'
    }
    UserAgent = 'reqlab-tutorial/1.0'
}
$response = Invoke-RestMethod @params
$response
