import httpx

url = "http://localhost:8080/anything"
headers = {
    "X-Hostile": "it's \"quoted\" \\ `uname` $(id) ${HOME} !! {a,b} ; | & > <",
    "Content-Type": "text/plain;charset=UTF-8",
}
content = "line one\nit's \"two\" \\ `uname` $(id) ${HOME} !! {a,b}\n\ttab'end'"

response = httpx.post(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
