http --ignore-stdin \
    --raw='hello' \
    --follow \
    PUT 'http://localhost:8080/anything/items/1' \
    'Content-Type:text/plain;charset=UTF-8'
