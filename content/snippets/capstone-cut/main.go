package main

import (
	"fmt"
	"strings"
)

// key turns "ts level=info user=42 msg=login" into "info:42".
// Step 2: no slice of fields, no map, no fmt: walk the line with strings.Cut.
func key(line string) string {
	var level, user string
	_, rest, _ := strings.Cut(line, " ") // skip the timestamp
	for rest != "" {
		var kv string
		kv, rest, _ = strings.Cut(rest, " ")
		switch k, v, _ := strings.Cut(kv, "="); k {
		case "level":
			level = v
		case "user":
			user = v
		}
	}
	return level + ":" + user
}

func main() {
	fmt.Println(key("2026-11-26T10:00:00Z level=info user=42 msg=login"))
}
