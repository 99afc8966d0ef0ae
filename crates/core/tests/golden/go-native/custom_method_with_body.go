package main

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

func main() {
	body := strings.NewReader("<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><allprop/></propfind>")
	req, err := http.NewRequest("PROPFIND", "http://localhost:8080/anything/dav", body)
	if err != nil {
		panic(err)
	}
	req.Header.Add("Depth", "1")
	req.Header.Add("Content-Type", "application/xml")

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
