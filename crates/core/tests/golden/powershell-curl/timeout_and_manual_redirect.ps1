curl.exe --url 'http://localhost:8080/anything' `
    --max-time 2.5
