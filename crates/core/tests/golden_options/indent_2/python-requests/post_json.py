import requests

url = "http://localhost:8080/anything"
headers = {
  "Content-Type": "application/json",
}
data = "{\n  \"name\": \"Peter\",\n  \"tags\": [\"a\", \"b\"]\n}"

response = requests.post(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
