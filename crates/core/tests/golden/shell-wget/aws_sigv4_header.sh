wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: application/json' \
    --header='X-Trace: t-1' \
    --header='X-Amz-Date: 20150830T123600Z' \
    --header='Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2' \
    --body-data='{"name": "o'\''neil"}' \
    'http://localhost:8080/anything/aws?b=2&a=1'
