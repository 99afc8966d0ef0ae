wget --quiet --output-document=- \
    --timeout=2.5 --tries=1 \
    --max-redirect=0 \
    'http://localhost:8080/anything'
