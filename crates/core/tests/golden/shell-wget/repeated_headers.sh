wget --quiet --output-document=- \
    --header='X-Tag: a, b, c' \
    --header='X-Other: 1' \
    'http://localhost:8080/anything'
