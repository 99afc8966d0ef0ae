wget --quiet --output-document=- \
    --header='X-Note: café ✓' \
    --header='X-Latin: naïve' \
    --header='Accept: application/json' \
    'http://localhost:8080/anything'
