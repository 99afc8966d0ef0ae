import httpx

url = "http://localhost:8080/anything/bin"
headers = {
    "Content-Type": "application/octet-stream",
}

with open("bytes.bin", "rb") as body:
    response = httpx.post(url, headers=headers, content=body, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
