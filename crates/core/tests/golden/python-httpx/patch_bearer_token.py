import httpx

url = "http://localhost:8080/anything"
headers = {
    "Authorization": "Bearer eyJhbGciOi.abc-123_x",
    "Content-Type": "application/json",
}
content = "{\"done\":true}"

response = httpx.patch(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
