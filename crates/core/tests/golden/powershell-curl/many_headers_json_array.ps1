curl.exe --request POST `
    --url 'http://localhost:8080/anything?page=2&per_page=50' `
    --location `
    --header 'Accept: application/json' `
    --header 'Accept-Language: en-US,en;q=0.9' `
    --header 'Cache-Control: no-cache' `
    --header 'X-Request-Id: 7f3a-11' `
    --header 'Content-Type: application/json' `
    --data-raw '[1, 2.5, null, "x"]'
