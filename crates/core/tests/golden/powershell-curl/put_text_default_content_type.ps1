curl.exe --request PUT `
    --url 'http://localhost:8080/anything/items/1' `
    --location `
    --header 'Content-Type: text/plain;charset=UTF-8' `
    --data-raw 'hello'
