import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything"
headers = {
    "X-Hostile": "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <",
    "Content-Type": "text/plain;charset=UTF-8",
}
body = "line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'"

response = http.request("POST", url, headers=headers, body=body)

print(response.status, response.reason)
print(response.data.decode())
