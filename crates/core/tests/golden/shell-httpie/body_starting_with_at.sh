http --ignore-stdin \
    --raw='@/etc/passwd' \
    --follow \
    'http://localhost:8080/anything' \
    'Content-Type:text/plain'
