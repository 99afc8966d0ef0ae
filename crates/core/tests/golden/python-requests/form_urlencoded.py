import requests

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}
data = [
    ("name", "Peter Parker"),
    ("city", "New York & Co"),
    ("tag", "a"),
    ("tag", "b=c"),
    ("note", "é ✓ 100%"),
]

response = requests.post(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
