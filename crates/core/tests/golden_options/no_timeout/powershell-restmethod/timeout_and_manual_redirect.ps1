$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
    MaximumRedirection = 0
    SkipHttpErrorCheck = $true
}
$response = Invoke-RestMethod @params
$response
