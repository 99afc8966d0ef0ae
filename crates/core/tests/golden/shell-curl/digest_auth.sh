curl --url 'http://localhost:8080/anything/digest' \
    --location \
    --digest \
    --user 'o'\''neil "q" $USER:p'\''"$HOME\`id` ü'
