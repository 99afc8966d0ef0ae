curl --request PUT ^
    --url "http://localhost:8080/anything/bucket/notes"^%"20v1.txt" ^
    --location ^
    --aws-sigv4 "aws:amz:us-east-1:s3" ^
    --user "AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" ^
    --header "Content-Type: text/plain" ^
    --header "X-Amz-Content-Sha256: dac834b7181407676acbb4defc0f60848ad3b913cb0c1c077d087180cbff31d3" ^
    --data-raw "line one line two: 'quoted' $HOME "
