http --ignore-stdin \
    --auth-type=bearer \
    --auth='abc.DEF-123_~+/=' \
    --follow \
    'http://localhost:8080/anything/bearer'
