package main

import (
	"fmt"
	"strings"
)

// appendKey appends "info:42" for "ts level=info user=42 msg=login" to dst.
// Step 3: the caller owns the buffer, so nothing is allocated per line.
func appendKey(dst []byte, line string) []byte {
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
	dst = append(dst, level...)
	dst = append(dst, ':')
	return append(dst, user...)
}

// count bumps the counter for key. Indexing a map with string(key) for a lookup
// does not copy the bytes; only the first sighting of a key allocates.
func count(counts map[string]*int, key []byte) {
	n := counts[string(key)]
	if n == nil {
		n = new(int)
		counts[string(key)] = n
	}
	*n++
}

func main() {
	counts := map[string]*int{}
	buf := make([]byte, 0, 64)
	for range 3 {
		buf = appendKey(buf[:0], "2026-11-26T10:00:00Z level=info user=42 msg=login")
		count(counts, buf)
	}
	fmt.Println("info:42 seen", *counts["info:42"], "times")
}
