import httpx

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}
data = {
    "name": "Peter Parker",
    "city": "New York & Co",
    "tag": ["a", "b=c"],
    "note": "é ✓ 100%",
}

response = httpx.post(url, headers=headers, data=data, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
