import requests

url = "http://localhost:8080/anything"
files = [
  ("title", (None, "Holiday photos")),
  ("photo", ("pixel.png", open("pixel.png", "rb"), "image/png")),
  ("notes", ("hello.txt", open("hello.txt", "rb"), "text/plain")),
  ("at", (None, "@hello.txt")),
]

response = requests.post(url, files=files)

print(response.status_code, response.reason)
print(response.text)
