import requests

url = "http://localhost:8080/anything"
headers = {
    "Content-Type": "application/x-www-form-urlencoded",
}
data = "glob=*.txt&home=%7E%2Fdocs"  # encoded as browsers encode forms

response = requests.post(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
