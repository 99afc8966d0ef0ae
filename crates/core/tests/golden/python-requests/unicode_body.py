import requests

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "text/plain; charset=utf-8",
}
data = "héllo ✓ 日本語 🦀 \u202e hidden \x07 bell".encode("utf-8")

response = requests.post(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
