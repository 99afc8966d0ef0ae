http --ignore-stdin \
    --raw='<?xml version="1.0"?><propfind xmlns="DAV:"><allprop/></propfind>' \
    --follow \
    PROPFIND 'http://localhost:8080/anything/dav' \
    'Depth:1' \
    'Content-Type:application/xml'
