wget --quiet --output-document=- \
    --header='User-Agent: reqlab-tutorial/1.0' \
    --header='Accept: application/json' \
    'http://localhost:8080/anything'
