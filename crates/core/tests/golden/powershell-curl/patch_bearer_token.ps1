curl.exe --request PATCH `
    --url 'http://localhost:8080/anything' `
    --location `
    --header 'Authorization: Bearer eyJhbGciOi.abc-123_x' `
    --header 'Content-Type: application/json' `
    --data-raw '{"done":true}'
