package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

func main() {
	body := strings.NewReader("line one\nline two: 'quoted' $HOME\n")
	req, err := http.NewRequest(http.MethodPut, "http://localhost:8080/anything/bucket/notes%20v1.txt", body)
	if err != nil {
		panic(err)
	}
	req.Header.Add("Content-Type", "text/plain")
	req.Header.Add("X-Amz-Date", "20150830T123600Z")
	req.Header.Add("X-Amz-Content-Sha256", "dac834b7181407676acbb4defc0f60848ad3b913cb0c1c077d087180cbff31d3")
	req.Header.Add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=3ac5b5a834088eef56ad043cfe62ffd37646b8c034f884d177fdff965b2be185")

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
