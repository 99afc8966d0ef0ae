// Runs in a page that loads jQuery, e.g. <script src="https://code.jquery.com/jquery-4.0.0.min.js"></script>.
$.ajax({
    url: "http://localhost:8080/anything/aws?b=2&a=1",
    method: "POST",
    headers: {
        "X-Trace": "t-1",
        "X-Amz-Date": "20150830T123600Z",
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2",
    },
    contentType: "application/json",
    data: "{\"name\": \"o'neil\"}",
    processData: false,
})
    .done((data, textStatus, xhr) => {
        console.log(xhr.status, xhr.statusText);
        console.log(xhr.responseText);
    })
    .fail((xhr, textStatus, error) => console.error(textStatus, error));
