$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    ContentType = 'application/x-www-form-urlencoded'
    Body = 'glob=*.txt&home=%7E%2Fdocs'
}
$response = Invoke-RestMethod @params
$response
