package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"strings"
)

// disposition names a file part as browsers do: quotes and line breaks percent-encoded.
func disposition(name, filename string) string {
	escape := strings.NewReplacer("\"", "%22", "\r", "%0D", "\n", "%0A")
	return `form-data; name="` + escape.Replace(name) + `"; filename="` + escape.Replace(filename) + `"`
}

// fieldDisposition names a text part as browsers do: quotes and line breaks percent-encoded.
func fieldDisposition(name string) string {
	escape := strings.NewReplacer("\"", "%22", "\r", "%0D", "\n", "%0A")
	return `form-data; name="` + escape.Replace(name) + `"`
}

func main() {
	body := &bytes.Buffer{}
	form := multipart.NewWriter(body)
	{
		head := make(textproto.MIMEHeader)
		head.Set("Content-Disposition", fieldDisposition("meta"))
		head.Set("Content-Type", "application/json")
		part, err := form.CreatePart(head)
		if err != nil {
			panic(err)
		}
		if _, err := io.WriteString(part, "{\"k\": \"v; \\\"q\\\"\", \"n\": \"café\"}"); err != nil {
			panic(err)
		}
	}
	if err := form.WriteField("title", "plain; field"); err != nil {
		panic(err)
	}
	{
		head := make(textproto.MIMEHeader)
		head.Set("Content-Disposition", disposition("notes", "hello.txt"))
		head.Set("Content-Type", "text/markdown")
		part, err := form.CreatePart(head)
		if err != nil {
			panic(err)
		}
		data, err := os.ReadFile("hello.txt")
		if err != nil {
			panic(err)
		}
		if _, err := part.Write(data); err != nil {
			panic(err)
		}
	}
	if err := form.Close(); err != nil {
		panic(err)
	}
	req, err := http.NewRequest(http.MethodPost, "http://localhost:8080/anything", body)
	if err != nil {
		panic(err)
	}
	req.Header.Set("Content-Type", form.FormDataContentType())

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
