import httpx

url = "http://localhost:8080/anything/aws?b=2&a=1"
headers = {
    "Content-Type": "application/json",
    "X-Trace": "t-1",
    "X-Amz-Date": "20150830T123600Z",
    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2",
}
content = "{\"name\": \"o'neil\"}"

response = httpx.post(url, headers=headers, content=content, follow_redirects=True)

print(response.status_code, response.reason_phrase)
print(response.text)
