curl --request DELETE ^
    --url "http://localhost:8080/anything/items/1" ^
    --location
