curl.exe --request DELETE `
    --url 'http://localhost:8080/anything/users/42/posts/a%20b%2Fc' `
    --location
