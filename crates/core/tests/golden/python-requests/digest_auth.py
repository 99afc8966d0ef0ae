import requests
from requests.auth import HTTPDigestAuth

url = "http://localhost:8080/anything/digest"

response = requests.get(url, auth=HTTPDigestAuth("o'neil \"q\" $USER", "p'\"$HOME\\`id` ü"))

print(response.status_code, response.reason)
print(response.text)
