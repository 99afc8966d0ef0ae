import httpx

url = "http://localhost:8080/anything"

response = httpx.options(url, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
