$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    ContentType = 'text/plain; charset=utf-8'
    Body = [System.Text.Encoding]::UTF8.GetBytes("héllo ✓ 日本語 🦀 $([char]0x202E) hidden `a bell")
}
$response = Invoke-RestMethod @params
$response
