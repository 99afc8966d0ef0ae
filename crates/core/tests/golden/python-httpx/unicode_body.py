import httpx

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "text/plain; charset=utf-8",
}
content = "héllo ✓ 日本語 🦀 \u202e hidden \x07 bell"

response = httpx.post(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
