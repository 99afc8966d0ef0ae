wget --quiet --output-document=- \
    --method=POST \
    --header='Content-Type: application/x-www-form-urlencoded' \
    --body-data='name=Peter+Parker&city=New+York+%26+Co&tag=a&tag=b%3Dc&note=%C3%A9+%E2%9C%93+100%25' \
    'http://localhost:8080/anything'
