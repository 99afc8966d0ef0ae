curl.exe --request POST `
    --url 'http://localhost:8080/anything/bin' `
    --location `
    --header 'Content-Type: application/octet-stream' `
    --data-binary '@bytes.bin'
