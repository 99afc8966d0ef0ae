// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
$.ajax({
    url: "http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15",
    method: "GET",
    headers: {
        "X-Amz-Security-Token": "IQoJb3JpZ2luX2VjE'$x\"/+==",
        "X-Amz-Date": "20150830T123600Z",
        "Authorization": "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673",
    },
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
