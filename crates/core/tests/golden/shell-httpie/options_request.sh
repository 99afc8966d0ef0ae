http --ignore-stdin \
    --follow \
    OPTIONS 'http://localhost:8080/anything'
