curl.exe --request POST `
    --url 'http://localhost:8080/anything' `
    --location `
    --header 'Content-Type: application/x-www-form-urlencoded' `
    --data-raw 'name=Peter+Parker' `
    --data-raw 'city=New+York+%26+Co' `
    --data-raw 'tag=a' `
    --data-raw 'tag=b%3Dc' `
    --data-raw 'note=%C3%A9+%E2%9C%93+100%25'
