curl.exe --request POST `
    --url 'http://localhost:8080/anything' `
    --location `
    --header 'Content-Type: text/plain; charset=utf-8' `
    --data-raw "héllo ✓ 日本語 🦀 $([char]0x202E) hidden `a bell"
