curl --request POST ^
    --url "http://localhost:8080/anything" ^
    --location ^
    --header "Content-Type: application/x-www-form-urlencoded" ^
    --data-raw "name=Peter&city=New+York"
