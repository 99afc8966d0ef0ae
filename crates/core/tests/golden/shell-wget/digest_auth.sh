wget --quiet --output-document=- \
    --user='o'\''neil "q" $USER' \
    --password='p'\''"$HOME\`id` ü' \
    'http://localhost:8080/anything/digest'
