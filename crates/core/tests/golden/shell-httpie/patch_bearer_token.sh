http --ignore-stdin \
    --raw='{"done":true}' \
    --follow \
    PATCH 'http://localhost:8080/anything' \
    'Authorization:Bearer eyJhbGciOi.abc-123_x' \
    'Content-Type:application/json'
