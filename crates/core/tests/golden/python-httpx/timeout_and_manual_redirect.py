import httpx

url = "http://localhost:8080/anything"

response = httpx.get(url, timeout=2.5)

print(response.status_code, response.reason_phrase)
print(response.text)
