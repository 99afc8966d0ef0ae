curl.exe --request POST `
    --url 'http://localhost:8080/anything' `
    --location `
    --form-string 'meta={"k": "v; \"q\"", "n": "café"}' `
    --form-string 'title=plain; field' `
    --form 'notes=@"hello.txt";type=text/markdown'
