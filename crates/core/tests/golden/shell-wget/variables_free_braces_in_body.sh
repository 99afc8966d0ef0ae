wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: application/json' \
    --body-data='{"template": "{{not closed"}' \
    'http://localhost:8080/anything'
