$params = @{
    Uri = 'http://localhost:8080/anything?name=Peter&age=30'
    Method = 'Get'
}
$response = Invoke-RestMethod @params
$response
