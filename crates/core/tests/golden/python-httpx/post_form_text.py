import httpx

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}
content = "name=Peter&city=New+York"

response = httpx.post(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
