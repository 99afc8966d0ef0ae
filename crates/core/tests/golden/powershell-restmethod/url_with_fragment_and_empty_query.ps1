$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
}
$response = Invoke-RestMethod @params
$response
