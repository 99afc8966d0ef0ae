$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    ContentType = 'application/x-www-form-urlencoded'
    Body = 'name=Peter&city=New+York'
}
$response = Invoke-RestMethod @params
$response
