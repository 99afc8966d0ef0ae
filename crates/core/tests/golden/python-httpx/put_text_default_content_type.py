import httpx

url = "http://localhost:8080/anything/items/1"
headers = {
    "Content-Type": "text/plain;charset=UTF-8",
}
content = "hello"

response = httpx.put(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
