import httpx

url = "http://localhost:8080/anything"
files = [
    ("meta", (None, "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}", "application/json")),
    ("title", (None, "plain; field")),
    ("notes", ("hello.txt", open("hello.txt", "rb"), "text/markdown")),
]

response = httpx.post(url, files=files, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
