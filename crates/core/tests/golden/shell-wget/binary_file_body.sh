wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: application/octet-stream' \
    --body-file='bytes.bin' \
    'http://localhost:8080/anything/bin'
