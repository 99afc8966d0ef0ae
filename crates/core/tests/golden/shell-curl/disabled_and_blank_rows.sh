curl --url 'http://localhost:8080/anything' \
    --header 'X-On: sent'
