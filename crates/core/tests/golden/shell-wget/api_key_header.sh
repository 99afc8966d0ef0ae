wget --quiet --output-document=- \
    --header='X-API-Key: k-123' \
    'http://localhost:8080/anything'
