import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}
fields = [
    ("name", "Peter Parker"),
    ("city", "New York & Co"),
    ("tag", "a"),
    ("tag", "b=c"),
    ("note", "é ✓ 100%"),
]

response = http.request(
    "POST",
    url,
    headers=headers,
    fields=fields,
    encode_multipart=False,
)

print(response.status, response.reason)
print(response.data.decode())
