const url = "http://localhost:8080/anything/bucket/notes%20v1.txt";

const response = await fetch(url, {
    method: "PUT",
    headers: {
        "Content-Type": "text/plain",
        "X-Amz-Date": "20150830T123600Z",
        "X-Amz-Content-Sha256": "dac834b7181407676acbb4defc0f60848ad3b913cb0c1c077d087180cbff31d3",
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=3ac5b5a834088eef56ad043cfe62ffd37646b8c034f884d177fdff965b2be185",
    },
    body: "line one\nline two: 'quoted' $HOME\n",
});

console.log(response.status, response.statusText);
console.log(await response.text());
