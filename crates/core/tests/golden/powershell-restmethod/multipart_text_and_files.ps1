$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    Form = [ordered]@{
        'title' = 'Holiday photos'
        'photo' = (Get-Item -LiteralPath 'pixel.png')
        'notes' = (Get-Item -LiteralPath 'hello.txt')
        'at' = '@hello.txt'
    }
}
$response = Invoke-RestMethod @params
$response
