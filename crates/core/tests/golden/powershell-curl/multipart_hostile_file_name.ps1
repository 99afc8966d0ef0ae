curl.exe --request PUT `
    --url 'http://localhost:8080/anything/upload' `
    --location `
    --form 'data=@"my file''s data.csv";type=text/csv' `
    --form-string 'comment=it''s "fine" $(id) `x` <x;y>'
