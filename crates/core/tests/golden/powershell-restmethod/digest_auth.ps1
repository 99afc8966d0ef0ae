$params = @{
    Uri = 'http://localhost:8080/anything/digest'
    Method = 'Get'
    Credential = [pscredential]::new('o''neil "q" $USER', (ConvertTo-SecureString -String 'p''"$HOME\`id` ü' -AsPlainText -Force))
    AllowUnencryptedAuthentication = $true
}
$response = Invoke-RestMethod @params
$response
