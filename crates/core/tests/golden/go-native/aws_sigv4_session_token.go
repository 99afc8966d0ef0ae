package main

import (
	"fmt"
	"io"
	"net/http"
)

func main() {
	req, err := http.NewRequest(http.MethodGet, "http://localhost:8080/anything/sts?Action=GetCallerIdentity&Version=2011-06-15", nil)
	if err != nil {
		panic(err)
	}
	req.Header.Add("X-Amz-Security-Token", "IQoJb3JpZ2luX2VjE'$x\"/+==")
	req.Header.Add("X-Amz-Date", "20150830T123600Z")
	req.Header.Add("Authorization", "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=d0e0859353e0f3d50d862148284d465a4ece8330a696b32aeb368b11abc58673")

	client := &http.Client{}
	resp, err := client.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()

	text, err := io.ReadAll(resp.Body)
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.Status)
	fmt.Println(string(text))
}
