curl.exe -X POST 'http://localhost:8080/anything' -L -H 'Content-Type: application/json' --data-raw "{`n  `"name`": `"Peter`",`n  `"tags`": [`"a`", `"b`"]`n}"
