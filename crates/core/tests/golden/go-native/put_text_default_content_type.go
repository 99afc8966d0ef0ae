package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

func main() {
	body := strings.NewReader("hello")
	req, err := http.NewRequest(http.MethodPut, "http://localhost:8080/anything/items/1", body)
	if err != nil {
		panic(err)
	}
	req.Header.Add("Content-Type", "text/plain;charset=UTF-8")

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
