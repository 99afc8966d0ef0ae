$params = @{
    Uri = 'http://localhost:8080/anything?page=1&api+key=v+1%262'
    Method = 'Get'
}
$response = Invoke-RestMethod @params
$response
