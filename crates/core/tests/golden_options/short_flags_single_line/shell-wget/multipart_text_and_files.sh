body=$(mktemp)
{
    printf '%s\r\n' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="title"' '' 'Holiday photos' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="photo"; filename="pixel.png"' 'Content-Type: image/png' ''
    cat 'pixel.png'
    printf '%s\r\n' '' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="notes"; filename="hello.txt"' 'Content-Type: text/plain' ''
    cat 'hello.txt'
    printf '%s\r\n' '' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="at"' '' '@hello.txt' '--reqlab-boundary-7MA4YWxkTrZu0gW--'
} > "$body"
wget -q -O- --method=POST --header='Content-Type: multipart/form-data; boundary=reqlab-boundary-7MA4YWxkTrZu0gW' --body-file="$body" 'http://localhost:8080/anything'
rm -f "$body"
