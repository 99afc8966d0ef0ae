import requests

url = "http://localhost:8080/anything"
headers = {
    "X-Hostile": "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <",
    "Content-Type": "text/plain;charset=UTF-8",
}
data = "line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'"

response = requests.post(url, headers=headers, data=data)

print(response.status_code, response.reason)
print(response.text)
