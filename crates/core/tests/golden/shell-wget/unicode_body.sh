wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: text/plain; charset=utf-8' \
    --body-data='héllo ✓ 日本語 🦀 ‮ hidden  bell' \
    'http://localhost:8080/anything'
