import requests

url = "http://localhost:8080/anything/upload"
files = [
    ("data", ("my file's data.csv", open("my file's data.csv", "rb"), "text/csv")),
    ("comment", (None, "it's \"fine\" $(id) `x` <x;y>")),
]

response = requests.put(url, files=files)

print(response.status_code, response.reason)
print(response.text)
