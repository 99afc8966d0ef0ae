http --ignore-stdin \
    --follow \
    'http://localhost:8080/anything' \
    'X-Tag:a' \
    'X-Other:1' \
    'X-Tag:b' \
    'x-tag:c'
