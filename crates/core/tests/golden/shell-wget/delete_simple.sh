wget --quiet --output-document=- \
    --method=DELETE \
    'http://localhost:8080/anything/items/1'
