const xhr = new XMLHttpRequest();
xhr.open("POST", "http://localhost:8080/anything/aws?b=2&a=1");
xhr.setRequestHeader("Content-Type", "application/json");
xhr.setRequestHeader("X-Trace", "t-1");
xhr.setRequestHeader("X-Amz-Date", "20150830T123600Z");
xhr.setRequestHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send("{\"name\": \"o'neil\"}");
