$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    ContentType = 'application/json'
    Body = "{`n  `"name`": `"Peter`",`n  `"tags`": [`"a`", `"b`"]`n}"
}
$response = Invoke-RestMethod @params
$response
