http --ignore-stdin \
    --raw='[1, 2.5, null, "x"]' \
    --follow \
    'http://localhost:8080/anything?page=2&per_page=50' \
    'Accept:application/json' \
    'Accept-Language:en-US,en;q=0.9' \
    'Cache-Control:no-cache' \
    'X-Request-Id:7f3a-11' \
    'Content-Type:application/json'
