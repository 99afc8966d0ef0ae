http --ignore-stdin \
    --raw='{"template": "{{not closed"}' \
    --follow \
    'http://localhost:8080/anything' \
    'Content-Type:application/json'
