$params = @{
    Uri = 'http://localhost:8080/anything?name=Peter&age=30&q=a%20b%26c=d'
    Method = 'Get'
}
$response = Invoke-RestMethod @params
$response
