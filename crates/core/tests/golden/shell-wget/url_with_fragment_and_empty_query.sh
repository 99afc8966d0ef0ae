wget --quiet --output-document=- \
    'http://localhost:8080/anything'
