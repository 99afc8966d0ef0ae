http --ignore-stdin \
    --form \
    --follow \
    'http://localhost:8080/anything' \
    'Content-Type:application/x-www-form-urlencoded' \
    'name=Peter Parker' \
    'city=New York & Co' \
    'tag=a' \
    'tag=b=c' \
    'note=é ✓ 100%'
