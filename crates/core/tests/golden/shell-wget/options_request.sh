wget --quiet --output-document=- \
    --method=OPTIONS \
    'http://localhost:8080/anything'
