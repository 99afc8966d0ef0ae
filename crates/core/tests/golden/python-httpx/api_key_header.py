import httpx

url = "http://localhost:8080/anything"
headers = {
    "X-API-Key": "k-123",
}

response = httpx.get(url, headers=headers, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
