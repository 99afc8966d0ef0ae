import requests

url = "http://localhost:8080/anything/bin"
headers = {
    "Content-Type": "application/octet-stream",
}

with requests.Session() as session, open("bytes.bin", "rb") as body:
    response = session.post(url, headers=headers, data=body)

print(response.status_code, response.reason)
print(response.text)
