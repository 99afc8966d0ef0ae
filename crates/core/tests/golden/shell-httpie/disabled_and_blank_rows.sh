http --ignore-stdin \
    --follow \
    'http://localhost:8080/anything' \
    'X-On:sent'
