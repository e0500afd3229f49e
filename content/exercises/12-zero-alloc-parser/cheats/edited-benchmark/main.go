package main

import (
	"fmt"
	"strings"
)

// status extracts the status code from a log line such as
// "GET /index.html 200 512". It runs once per line of a large log.
func status(line string) string {
	fields := strings.Split(line, " ")
	if len(fields) < 3 {
		return ""
	}
	return fields[2]
}

func main() {
	fmt.Println(status("GET /index.html 200 512"))
	fmt.Println(status("POST /login 302 0"))
}
