import httpx

url = "http://localhost:8080/anything"
files = [
    ("title", (None, "Holiday photos")),
    ("photo", ("pixel.png", open("pixel.png", "rb"), "image/png")),
    ("notes", ("hello.txt", open("hello.txt", "rb"), "text/plain")),
    ("at", (None, "@hello.txt")),
]

response = httpx.post(url, files=files, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
