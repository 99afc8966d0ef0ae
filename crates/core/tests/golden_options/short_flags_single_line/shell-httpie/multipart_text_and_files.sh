http --ignore-stdin --multipart -F 'http://localhost:8080/anything' 'title=Holiday photos' 'photo@pixel.png;type=image/png' 'notes@hello.txt;type=text/plain' 'at=\@hello.txt'
