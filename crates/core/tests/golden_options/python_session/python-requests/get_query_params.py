import requests

url = "http://localhost:8080/anything?name=Peter&age=30"

with requests.Session() as session:
    response = session.get(url)

print(response.status_code, response.reason)
print(response.text)
