$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    Form = [ordered]@{
        'meta' = '{"k": "v; \"q\"", "n": "café"}'
        'title' = 'plain; field'
        'notes' = (Get-Item -LiteralPath 'hello.txt')
    }
}
$response = Invoke-RestMethod @params
$response
