curl.exe --url 'http://localhost:8080/anything/bearer' `
    --location `
    --header 'Authorization: Bearer abc.DEF-123_~+/='
