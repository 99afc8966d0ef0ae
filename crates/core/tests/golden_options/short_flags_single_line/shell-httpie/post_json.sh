http --ignore-stdin --raw='{
  "name": "Peter",
  "tags": ["a", "b"]
}' -F 'http://localhost:8080/anything' 'Content-Type:application/json'
