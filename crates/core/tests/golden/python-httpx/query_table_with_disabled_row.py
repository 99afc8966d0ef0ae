import httpx

url = "http://localhost:8080/anything?name=Peter&age=30&q=a%20b%26c=d"

response = httpx.get(url, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
