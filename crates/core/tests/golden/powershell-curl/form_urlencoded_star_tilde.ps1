curl.exe --request POST `
    --url 'http://localhost:8080/anything' `
    --location `
    --header 'Content-Type: application/x-www-form-urlencoded' `
    --data-raw 'glob=*.txt' `
    --data-raw 'home=%7E%2Fdocs'
