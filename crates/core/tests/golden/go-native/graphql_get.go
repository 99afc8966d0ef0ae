package main

import (
	"fmt"
	"io"
	"net/http"
)

func main() {
	req, err := http.NewRequest(http.MethodGet, "http://localhost:8080/anything/graphql?query=query%20HeroWithFriends($episode:%20Episode,%20$first:%20Int%20=%202)%20%7B%0A%20%20hero(episode:%20$episode)%20%7B%0A%20%20%20%20name%0A%20%20%20%20friends(first:%20$first)%20%7B%0A%20%20%20%20%20%20name%0A%20%20%20%20%7D%0A%20%20%7D%0A%7D&operationName=HeroWithFriends&variables=%7B%22episode%22:%20%22JEDI%22,%20%22first%22:%203%7D", nil)
	if err != nil {
		panic(err)
	}
	req.Header.Add("X-Request-Id", "hero-1")

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
