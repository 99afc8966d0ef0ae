import httpx

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "text/plain",
}
content = "@/etc/passwd"

response = httpx.post(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
