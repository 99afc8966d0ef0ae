wget --quiet --output-document=- \
    --method=PATCH \
    --header='Authorization: Bearer eyJhbGciOi.abc-123_x' \
    --header='Content-Type: application/json' \
    --body-data='{"done":true}' \
    'http://localhost:8080/anything'
