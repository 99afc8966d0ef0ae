http --ignore-stdin \
    --multipart \
    --follow \
    PUT 'http://localhost:8080/anything/upload' \
    'data@my file'\''s data.csv;type=text/csv' \
    'comment=it'\''s "fine" $(id) `x` <x;y>'
