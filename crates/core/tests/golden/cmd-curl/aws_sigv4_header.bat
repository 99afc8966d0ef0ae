curl --request POST ^
    --url "http://localhost:8080/anything/aws?b=2&a=1" ^
    --location ^
    --aws-sigv4 "aws:amz:eu-west-1:execute-api" ^
    --user "AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" ^
    --header "Content-Type: application/json" ^
    --header "X-Trace: t-1" ^
    --data-raw "{"\^""name"\^"": "\^""o'neil"\^""}"
