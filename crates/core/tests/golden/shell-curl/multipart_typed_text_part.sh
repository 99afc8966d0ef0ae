curl --request POST \
    --url 'http://localhost:8080/anything' \
    --location \
    --form 'meta="{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}";type=application/json' \
    --form-string 'title=plain; field' \
    --form 'notes=@"hello.txt";type=text/markdown'
