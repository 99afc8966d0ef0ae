http --ignore-stdin \
    --multipart \
    --follow \
    'http://localhost:8080/anything' \
    'meta={"k": "v; \"q\"", "n": "café"}' \
    'title=plain; field' \
    'notes@hello.txt;type=text/markdown'
