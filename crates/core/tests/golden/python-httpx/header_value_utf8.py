import httpx

url = "http://localhost:8080/anything"
headers = {
    "X-Note": "café ✓".encode("utf-8"),
    "X-Latin": "naïve".encode("utf-8"),
    "Accept": "application/json",
}

response = httpx.get(url, headers=headers, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
