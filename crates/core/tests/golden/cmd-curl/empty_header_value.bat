curl --url "http://localhost:8080/anything" ^
    --location ^
    --header "X-Empty;" ^
    --header "X-Full: x"
