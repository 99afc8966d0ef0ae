$params = @{
    Uri = 'http://localhost:8080/anything/items/1'
    Method = 'Delete'
}
$response = Invoke-RestMethod @params
$response
