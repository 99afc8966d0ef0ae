import httpx

url = "http://localhost:8080/anything/basic"
headers = {
    "Content-Type": "application/json",
}
content = "{\"ok\": true}"

response = httpx.put(url, headers=headers, content=content, auth=("peter", "s3cr3t: 'quoted' ü"), follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
