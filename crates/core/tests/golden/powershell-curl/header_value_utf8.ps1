curl.exe --url 'http://localhost:8080/anything' `
    --location `
    --header 'X-Note: café ✓' `
    --header 'X-Latin: naïve' `
    --header 'Accept: application/json'
