import httpx

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "application/json",
}
content = "{\n  \"name\": \"Peter\",\n  \"tags\": [\"a\", \"b\"]\n}"

response = httpx.post(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
