http --ignore-stdin \
    --follow \
    'http://localhost:8080/anything/oauth' \
    'Accept:application/json' \
    'Authorization:Bearer YOUR_ACCESS_TOKEN'
