import requests

url = "http://localhost:8080/anything/bin"
headers = {
    "Content-Type": "application/octet-stream",
}

with open("bytes.bin", "rb") as body:
    response = requests.post(url, headers=headers, data=body)

print(response.status_code, response.reason)
print(response.text)
