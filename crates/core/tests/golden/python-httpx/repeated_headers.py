import httpx

url = "http://localhost:8080/anything"
headers = [
    ("X-Tag", "a"),
    ("X-Other", "1"),
    ("X-Tag", "b"),
    ("x-tag", "c"),
]

response = httpx.get(url, headers=headers, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
