wget --quiet --output-document=- \
    --method=HEAD \
    'http://localhost:8080/anything'
