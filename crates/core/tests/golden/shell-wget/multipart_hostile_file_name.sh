body=$(mktemp)
{
    printf '%s\r\n' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="data"; filename="my file'\''s data.csv"' 'Content-Type: text/csv' ''
    cat 'my file'\''s data.csv'
    printf '%s\r\n' '' '--reqlab-boundary-7MA4YWxkTrZu0gW' 'Content-Disposition: form-data; name="comment"' '' 'it'\''s "fine" $(id) `x` <x;y>' '--reqlab-boundary-7MA4YWxkTrZu0gW--'
} > "$body"
wget --quiet --output-document=- \
    --method=PUT \
    --header='Content-Type: multipart/form-data; boundary=reqlab-boundary-7MA4YWxkTrZu0gW' \
    --body-file="$body" \
    'http://localhost:8080/anything/upload'
rm -f "$body"
