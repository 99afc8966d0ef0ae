wget --quiet --output-document=- \
    --header='X-On: sent' \
    'http://localhost:8080/anything'
