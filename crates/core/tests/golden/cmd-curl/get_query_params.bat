curl --url "http://localhost:8080/anything?name=Peter&age=30" ^
    --location
