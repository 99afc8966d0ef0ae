curl.exe --head `
    --url 'http://localhost:8080/anything' `
    --location
