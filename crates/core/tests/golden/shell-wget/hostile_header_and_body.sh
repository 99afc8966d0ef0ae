wget --quiet --output-document=- \
    --method=POST \
    --header='X-Hostile: it'\''s "quoted" \ `uname` $(id) ${HOME} !! {a,b} ; | & > <' \
    --header='Content-Type: text/plain;charset=UTF-8' \
    --body-data='line one
it'\''s "two" \ `uname` $(id) ${HOME} !! {a,b}
	tab'\''end'\''' \
    'http://localhost:8080/anything'
