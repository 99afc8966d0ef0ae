curl.exe --request POST `
    --url 'http://localhost:8080/anything' `
    --location `
    --header 'Content-Type: text/plain' `
    --data-raw '@/etc/passwd'
