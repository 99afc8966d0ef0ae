import httpx

url = "http://localhost:8080/anything?page=1&api+key=v+1%262"

response = httpx.get(url, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
