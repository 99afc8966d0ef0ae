wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: text/plain' \
    --body-data='@/etc/passwd' \
    'http://localhost:8080/anything'
