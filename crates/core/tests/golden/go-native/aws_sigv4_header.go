package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

func main() {
	body := strings.NewReader("{\"name\": \"o'neil\"}")
	req, err := http.NewRequest(http.MethodPost, "http://localhost:8080/anything/aws?b=2&a=1", body)
	if err != nil {
		panic(err)
	}
	req.Header.Add("Content-Type", "application/json")
	req.Header.Add("X-Trace", "t-1")
	req.Header.Add("X-Amz-Date", "20150830T123600Z")
	req.Header.Add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-trace, Signature=6ba879c2fa64457f1440fe43df8bc26fe89d548f912f12e04a25c2d5a3dbb7c2")

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
