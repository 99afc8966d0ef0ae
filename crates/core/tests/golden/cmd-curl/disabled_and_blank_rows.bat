curl --url "http://localhost:8080/anything" ^
    --location ^
    --header "X-On: sent"
