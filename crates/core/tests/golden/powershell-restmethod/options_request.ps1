$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Options'
}
$response = Invoke-RestMethod @params
$response
