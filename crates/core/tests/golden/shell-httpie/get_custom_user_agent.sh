http --ignore-stdin \
    --follow \
    'http://localhost:8080/anything' \
    'User-Agent:reqlab-tutorial/1.0' \
    'Accept:application/json'
