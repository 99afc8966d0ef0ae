http --ignore-stdin \
    --follow \
    DELETE 'http://localhost:8080/anything/items/1'
