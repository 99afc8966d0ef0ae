$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Get'
    TimeoutSec = 3
    MaximumRedirection = 0
    SkipHttpErrorCheck = $true
}
$response = Invoke-RestMethod @params
$response
