import httpx

url = "http://localhost:8080/anything/users/42/posts/a%20b%2Fc"

response = httpx.delete(url, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
