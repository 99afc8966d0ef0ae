curl --request POST ^
    --url "http://localhost:8080/anything" ^
    --location ^
    --header "Content-Type: application/json" ^
    --data-raw "{"\^""template"\^"": "\^""{{not closed"\^""}"
