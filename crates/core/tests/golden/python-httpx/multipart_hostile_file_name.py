import httpx

url = "http://localhost:8080/anything/upload"
files = [
    ("data", ("my file's data.csv", open("my file's data.csv", "rb"), "text/csv")),
    ("comment", (None, "it's \"fine\" $(id) `x` <x;y>")),
]

response = httpx.put(url, files=files, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
