wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: application/x-www-form-urlencoded' \
    --body-data='glob=*.txt&home=%7E%2Fdocs' \
    'http://localhost:8080/anything'
