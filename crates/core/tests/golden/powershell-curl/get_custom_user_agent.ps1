curl.exe --url 'http://localhost:8080/anything' `
    --location `
    --header 'User-Agent: reqlab-tutorial/1.0' `
    --header 'Accept: application/json'
