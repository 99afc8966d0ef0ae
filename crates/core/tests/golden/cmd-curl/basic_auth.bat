curl --request PUT ^
    --url "http://localhost:8080/anything/basic" ^
    --location ^
    --user "peter:s3cr3t: 'quoted' ü" ^
    --header "Content-Type: application/json" ^
    --data-raw "{"\^""ok"\^"": true}"
