$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Head'
}
$response = Invoke-RestMethod @params
$response
