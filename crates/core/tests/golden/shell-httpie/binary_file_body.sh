http --ignore-stdin \
    --follow \
    'http://localhost:8080/anything/bin' \
    'Content-Type:application/octet-stream' \
    '@bytes.bin'
