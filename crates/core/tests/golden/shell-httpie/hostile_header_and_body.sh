http --ignore-stdin \
    --raw='line one
it'\''s "two" \ `uname` $(id) ${HOME} !! {a,b}
	tab'\''end'\''' \
    --follow \
    'http://localhost:8080/anything' \
    'X-Hostile:it'\''s "quoted" \ `uname` $(id) ${HOME} !! {a,b} ; | & > <' \
    'Content-Type:text/plain;charset=UTF-8'
