http --ignore-stdin \
    --follow \
    'http://localhost:8080/anything' \
    'X-Note:café ✓' \
    'X-Latin:naïve' \
    'Accept:application/json'
