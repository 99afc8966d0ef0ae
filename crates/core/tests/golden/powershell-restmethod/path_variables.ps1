$params = @{
    Uri = 'http://localhost:8080/anything/users/42/posts/a%20b%2Fc'
    Method = 'Delete'
}
$response = Invoke-RestMethod @params
$response
