$params = @{
    Uri = 'http://localhost:8080/anything/upload'
    Method = 'Put'
    Form = [ordered]@{
        'data' = (Get-Item -LiteralPath 'my file''s data.csv')
        'comment' = 'it''s "fine" $(id) `x` <x;y>'
    }
}
$response = Invoke-RestMethod @params
$response
