import requests

url = "http://localhost:8080/anything"

with requests.Session() as session:
    response = session.get(url, timeout=2.5, allow_redirects=False)

print(response.status_code, response.reason)
print(response.text)
