$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    ContentType = 'text/plain'
    Body = '@/etc/passwd'
}
$response = Invoke-RestMethod @params
$response
