$params = @{
    Uri = 'http://localhost:8080/anything/items/1'
    Method = 'Put'
    ContentType = 'text/plain;charset=UTF-8'
    Body = 'hello'
}
$response = Invoke-RestMethod @params
$response
