http --ignore-stdin \
    --follow \
    HEAD 'http://localhost:8080/anything'
