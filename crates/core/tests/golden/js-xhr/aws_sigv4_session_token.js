const xhr = new XMLHttpRequest();
xhr.open("GET", "http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15");
xhr.setRequestHeader("X-Amz-Security-Token", "IQoJb3JpZ2luX2VjE'$x\"/+==");
xhr.setRequestHeader("X-Amz-Date", "20150830T123600Z");
xhr.setRequestHeader("Authorization", "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673");
xhr.onload = () => {
    console.log(xhr.status, xhr.statusText);
    console.log(xhr.responseText);
};
xhr.onerror = () => console.error("The request failed (network error or CORS).");
xhr.send();
