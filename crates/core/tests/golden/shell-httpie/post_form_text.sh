http --ignore-stdin \
    --raw='name=Peter&city=New+York' \
    --follow \
    'http://localhost:8080/anything' \
    'Content-Type:application/x-www-form-urlencoded'
