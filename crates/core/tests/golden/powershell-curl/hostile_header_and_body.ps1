curl.exe --request POST `
    --url 'http://localhost:8080/anything' `
    --location `
    --header 'X-Hostile: it''s "quoted" \ `uname` $(id) ${HOME} !! {a,b} ; | & > <' `
    --header 'Content-Type: text/plain;charset=UTF-8' `
    --data-raw "line one`nit's `"two`" \ ``uname`` `$(id) `${HOME} !! {a,b}`n`ttab'end'"
