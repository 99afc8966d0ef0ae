import http.client

body = "line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'"
headers = {
    "X-Hostile": "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <",
    "Content-Type": "text/plain;charset=UTF-8",
}

conn = http.client.HTTPConnection("localhost", 8080)
conn.request("POST", "/anything", body=body, headers=headers)
response = conn.getresponse()

print(response.status, response.reason)
print(response.read().decode())
conn.close()
