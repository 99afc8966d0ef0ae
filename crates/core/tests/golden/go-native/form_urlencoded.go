package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

func main() {
	// Encoded as browsers encode forms.
	body := strings.NewReader("name=Peter+Parker&city=New+York+%26+Co&tag=a&tag=b%3Dc&note=%C3%A9+%E2%9C%93+100%25")
	req, err := http.NewRequest(http.MethodPost, "http://localhost:8080/anything", body)
	if err != nil {
		panic(err)
	}
	req.Header.Add("Content-Type", "application/x-www-form-urlencoded")

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
