import httpx

url = "http://localhost:8080/anything/digest"

response = httpx.get(url, auth=httpx.DigestAuth("o'neil \"q\" $USER", "p'\"$HOME\\`id` ü"), follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
