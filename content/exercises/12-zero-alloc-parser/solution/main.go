package main

import (
	"fmt"
	"strings"
)

// status extracts the status code from a log line such as
// "GET /index.html 200 512". It runs once per line of a large log.
func status(line string) string {
	_, rest, ok := strings.Cut(line, " ")
	if !ok {
		return ""
	}
	_, rest, ok = strings.Cut(rest, " ")
	if !ok {
		return ""
	}
	code, _, _ := strings.Cut(rest, " ")
	return code
}

func main() {
	fmt.Println(status("GET /index.html 200 512"))
	fmt.Println(status("POST /login 302 0"))
}
