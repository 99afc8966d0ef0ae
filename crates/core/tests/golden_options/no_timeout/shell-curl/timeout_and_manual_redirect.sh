curl --url 'http://localhost:8080/anything'
