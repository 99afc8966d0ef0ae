curl.exe --request OPTIONS `
    --url 'http://localhost:8080/anything' `
    --location
