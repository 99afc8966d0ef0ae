curl.exe -X POST 'http://localhost:8080/anything' -L --form-string 'title=Holiday photos' -F 'photo=@"pixel.png";type=image/png' -F 'notes=@"hello.txt";type=text/plain' --form-string 'at=@hello.txt'
