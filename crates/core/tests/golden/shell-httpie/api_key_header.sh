http --ignore-stdin \
    --follow \
    'http://localhost:8080/anything' \
    'X-API-Key:k-123'
