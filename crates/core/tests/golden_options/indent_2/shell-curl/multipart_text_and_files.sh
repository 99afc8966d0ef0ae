curl --request POST \
  --url 'http://localhost:8080/anything' \
  --location \
  --form-string 'title=Holiday photos' \
  --form 'photo=@"pixel.png";type=image/png' \
  --form 'notes=@"hello.txt";type=text/plain' \
  --form-string 'at=@hello.txt'
