wget --quiet --output-document=- \
    --header='X-Empty: ' \
    --header='X-Full: x' \
    'http://localhost:8080/anything'
