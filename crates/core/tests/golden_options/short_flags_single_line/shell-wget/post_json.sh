wget -q -O- --method=POST --header='Content-Type: application/json' --body-data='{
  "name": "Peter",
  "tags": ["a", "b"]
}' 'http://localhost:8080/anything'
