curl --request POST \
  --url 'http://localhost:8080/anything' \
  --location \
  --header 'Content-Type: application/json' \
  --data-raw '{
  "name": "Peter",
  "tags": ["a", "b"]
}'
