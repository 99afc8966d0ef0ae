wget --quiet --output-document=- \
    --method=PUT \
    --user='peter' \
    --password='s3cr3t: '\''quoted'\'' ü' \
    --auth-no-challenge \
    --header='Content-Type: application/json' \
    --body-data='{"ok": true}' \
    'http://localhost:8080/anything/basic'
