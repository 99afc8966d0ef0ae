http --ignore-stdin \
    --raw='glob=*.txt&home=%7E%2Fdocs' \
    --follow \
    'http://localhost:8080/anything' \
    'Content-Type:application/x-www-form-urlencoded'
