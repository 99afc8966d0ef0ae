import requests

url = "http://localhost:8080/anything/basic"
headers = {
    "Content-Type": "application/json",
}
data = "{\"ok\": true}"

response = requests.put(url, headers=headers, data=data, auth=("peter", "s3cr3t: 'quoted' ü".encode("utf-8")))

print(response.status_code, response.reason)
print(response.text)
