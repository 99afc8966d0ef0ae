curl.exe --request PROPFIND `
    --url 'http://localhost:8080/anything/dav' `
    --location `
    --header 'Depth: 1' `
    --header 'Content-Type: application/xml' `
    --data-raw '<?xml version="1.0"?><propfind xmlns="DAV:"><allprop/></propfind>'
