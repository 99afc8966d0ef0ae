http --ignore-stdin \
    --follow \
    'http://localhost:8080/anything?name=Peter&age=30'
