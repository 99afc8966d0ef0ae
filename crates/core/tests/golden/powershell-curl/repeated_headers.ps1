curl.exe --url 'http://localhost:8080/anything' `
    --location `
    --header 'X-Tag: a' `
    --header 'X-Other: 1' `
    --header 'X-Tag: b' `
    --header 'x-tag: c'
