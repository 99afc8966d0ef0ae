$params = @{
    Uri = 'http://localhost:8080/anything'
    Method = 'Post'
    Headers = @{
        'X-Hostile' = 'it''s "quoted" \ `uname` $(id) ${HOME} !! {a,b} ; | & > <'
    }
    ContentType = 'text/plain;charset=UTF-8'
    Body = "line one`nit's `"two`" \ ``uname`` `$(id) `${HOME} !! {a,b}`n`ttab'end'"
}
$response = Invoke-RestMethod @params
$response
