curl --url 'http://localhost:8080/anything' \
    --header 'X-Empty;' \
    --header 'X-Full: x'
