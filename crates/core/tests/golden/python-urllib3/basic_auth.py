import base64
import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/basic"
credentials = base64.b64encode("peter:s3cr3t: 'quoted' ü".encode("utf-8")).decode("ascii")
headers = {
    "Authorization": f"Basic {credentials}",
    "Content-Type": "application/json",
}
body = "{\"ok\": true}"

response = http.request("PUT", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
