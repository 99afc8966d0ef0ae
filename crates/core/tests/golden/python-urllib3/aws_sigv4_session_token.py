import urllib3

http = urllib3.PoolManager()
url = "http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15"
headers = {
    "X-Amz-Security-Token": "IQoJb3JpZ2luX2VjE'$x\"/+==",
    "X-Amz-Date": "20150830T123600Z",
    "Authorization": "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673",
}

response = http.request("GET", url, headers=headers)

print(response.status, response.reason)
print(response.data.decode())
