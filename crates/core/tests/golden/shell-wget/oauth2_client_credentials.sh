wget --quiet --output-document=- \
    --header='Accept: application/json' \
    --header='Authorization: Bearer YOUR_ACCESS_TOKEN' \
    'http://localhost:8080/anything/oauth'
