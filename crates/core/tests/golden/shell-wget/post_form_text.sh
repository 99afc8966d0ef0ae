wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: application/x-www-form-urlencoded' \
    --body-data='name=Peter&city=New+York' \
    'http://localhost:8080/anything'
