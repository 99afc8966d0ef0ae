import requests

url = "http://localhost:8080/anything"
files = [
    ("meta", (None, "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}", "application/json")),
    ("title", (None, "plain; field")),
    ("notes", ("hello.txt", open("hello.txt", "rb"), "text/markdown")),
]

response = requests.post(url, files=files)

print(response.status_code, response.reason)
print(response.text)
