wget --quiet --output-document=- \
    --header='Authorization: Bearer abc.DEF-123_~+/=' \
    'http://localhost:8080/anything/bearer'
