// Choose "hello.txt" in the page's <input type="file">.
const file = document.querySelector("input[type=file]").files[0];

const url = "http://localhost:8080/anything";
// FormData can give "meta" a Content-Type only as a file (named "blob"): the body is written out by hand.
const multipart = new Blob([
    "--reqlab-boundary-7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}\r\n",
    "--reqlab-boundary-7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nplain; field\r\n",
    "--reqlab-boundary-7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"notes\"; filename=\"hello.txt\"\r\nContent-Type: text/markdown\r\n\r\n",
    file,
    "\r\n--reqlab-boundary-7MA4YWxkTrZu0gW--\r\n",
]);

const response = await fetch(url, {
    method: "POST",
    headers: {
        "Content-Type": "multipart/form-data; boundary=reqlab-boundary-7MA4YWxkTrZu0gW",
    },
    body: multipart,
});

console.log(response.status, response.statusText);
console.log(await response.text());
