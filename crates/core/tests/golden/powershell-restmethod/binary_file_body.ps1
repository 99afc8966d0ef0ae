$params = @{
    Uri = 'http://localhost:8080/anything/bin'
    Method = 'Post'
    ContentType = 'application/octet-stream'
    InFile = 'bytes.bin'
}
$response = Invoke-RestMethod @params
$response
