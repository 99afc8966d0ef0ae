$params = @{
    Uri = 'http://localhost:8080/anything/dav'
    CustomMethod = 'PROPFIND'
    Headers = @{
        'Depth' = '1'
    }
    ContentType = 'application/xml'
    Body = '<?xml version="1.0"?><propfind xmlns="DAV:"><allprop/></propfind>'
}
$response = Invoke-RestMethod @params
$response
