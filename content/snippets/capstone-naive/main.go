package main

import (
	"fmt"
	"strings"
)

// key turns "ts level=info user=42 msg=login" into "info:42".
// Step 1: the obvious version.
func key(line string) string {
	fields := map[string]string{}
	for _, kv := range strings.Split(line, " ")[1:] {
		k, v, _ := strings.Cut(kv, "=")
		fields[k] = v
	}
	return fmt.Sprintf("%s:%s", fields["level"], fields["user"])
}

func main() {
	fmt.Println(key("2026-11-26T10:00:00Z level=info user=42 msg=login"))
}
