wget --quiet --output-document=- \
    --method=PUT \
    --header='Content-Type: text/plain;charset=UTF-8' \
    --body-data='hello' \
    'http://localhost:8080/anything/items/1'
