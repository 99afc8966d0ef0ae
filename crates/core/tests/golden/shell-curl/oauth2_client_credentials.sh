curl --url 'http://localhost:8080/anything/oauth' \
    --location \
    --header 'Accept: application/json' \
    --header 'Authorization: Bearer YOUR_ACCESS_TOKEN'
