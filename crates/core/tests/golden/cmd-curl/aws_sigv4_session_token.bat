curl --url "http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15" ^
    --location ^
    --aws-sigv4 "aws:amz:us-east-1:sts" ^
    --user "ASIAEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" ^
    --header "X-Amz-Security-Token: IQoJb3JpZ2luX2VjE'$x"\^""/+=="
