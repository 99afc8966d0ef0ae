package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
)

func main() {
	data, err := os.ReadFile("bytes.bin")
	if err != nil {
		panic(err)
	}
	body := bytes.NewReader(data)
	req, err := http.NewRequest(http.MethodPost, "http://localhost:8080/anything/bin", body)
	if err != nil {
		panic(err)
	}
	req.Header.Add("Content-Type", "application/octet-stream")

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
