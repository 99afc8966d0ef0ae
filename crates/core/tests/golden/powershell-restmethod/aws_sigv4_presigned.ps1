$params = @{
    Uri = 'http://localhost:8080/anything/bucket/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&X-Amz-Signature=d1ba18346a14ab9a93c9f2ca0fad6a205da20b47c7efed15b11915d10db116f0'
    Method = 'Get'
}
$response = Invoke-RestMethod @params
$response
