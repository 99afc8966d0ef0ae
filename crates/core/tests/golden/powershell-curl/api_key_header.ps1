curl.exe --url 'http://localhost:8080/anything' `
    --location `
    --header 'X-API-Key: k-123'
