curl -X PUT "http://localhost:8080/anything/basic" -L -u "peter:s3cr3t: 'quoted' ü" -H "Content-Type: application/json" --data-raw "{"\^""ok"\^"": true}"
