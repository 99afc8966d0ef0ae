$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
    Headers = @{
        'X-Note' = 'café ✓'
        'X-Latin' = 'naïve'
        'Accept' = 'application/json'
    }
}
$response = Invoke-RestMethod @params
$response
