import base64
import http.client

credentials = base64.b64encode("peter:s3cr3t: 'quoted' ü".encode("utf-8")).decode("ascii")
body = "{\"ok\": true}"
headers = {
    "Authorization": f"Basic {credentials}",
    "Content-Type": "application/json",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("PUT", "/anything/basic", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
