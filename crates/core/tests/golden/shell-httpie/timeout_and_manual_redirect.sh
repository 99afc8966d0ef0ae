http --ignore-stdin \
    --timeout=2.5 \
    'http://localhost:8080/anything'
