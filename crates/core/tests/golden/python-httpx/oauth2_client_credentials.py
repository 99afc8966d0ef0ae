import httpx

url = "http://localhost:8080/anything/oauth"
headers = {
    "Accept": "application/json",
    "Authorization": "Bearer YOUR_ACCESS_TOKEN",
}

response = httpx.get(url, headers=headers, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
