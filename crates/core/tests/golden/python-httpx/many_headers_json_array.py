import httpx

url = "http://localhost:8080/anything?page=2&per_page=50"
headers = {
    "Accept": "application/json",
    "Accept-Language": "en-US,en;q=0.9",
    "Cache-Control": "no-cache",
    "X-Request-Id": "7f3a-11",
    "Content-Type": "application/json",
}
content = "[1, 2.5, null, \"x\"]"

response = httpx.post(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
