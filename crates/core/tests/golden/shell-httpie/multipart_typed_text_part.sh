body=$(mktemp)
{
    printf '%s\r\n' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="meta"' 'Content-Type: application/json' '' '{"k": "v; \"q\"", "n": "café"}' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="title"' '' 'plain; field' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="notes"; filename="hello.txt"' 'Content-Type: text/markdown' ''
    cat 'hello.txt'
    printf '%s\r\n' '' '--reqlab-boundary-7MA4YWxkTrZu0gW--'
} > "$body"
http --follow \
    'http://localhost:8080/anything' \
    'Content-Type:multipart/form-data; boundary=reqlab-boundary-7MA4YWxkTrZu0gW' \
    < "$body"
rm -f "$body"
