http --ignore-stdin \
    --auth-type=digest \
    --auth='o'\''neil "q" $USER:p'\''"$HOME\`id` ü' \
    --follow \
    'http://localhost:8080/anything/digest'
