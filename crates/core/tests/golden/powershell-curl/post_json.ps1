curl.exe --request POST `
    --url 'http://localhost:8080/anything' `
    --location `
    --header 'Content-Type: application/json' `
    --data-raw "{`n  `"name`": `"Peter`",`n  `"tags`": [`"a`", `"b`"]`n}"
