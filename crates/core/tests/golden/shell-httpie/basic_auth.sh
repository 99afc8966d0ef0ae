http --ignore-stdin \
    --auth='peter:s3cr3t: '\''quoted'\'' ü' \
    --raw='{"ok": true}' \
    --follow \
    PUT 'http://localhost:8080/anything/basic' \
    'Content-Type:application/json'
