import requests

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "text/plain",
}
data = "@/etc/passwd"

response = requests.post(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
