package main

import (
	"fmt"
	"strings"
)

type point struct{ x, y int }

var names = map[string]int{"a": 1}

func addr() *point { return &point{1, 2} } // 2. the pointer outlives the call

func boxed(n int) string { return fmt.Sprint(n) } // 3. n is boxed into an interface

func sized(n int) int {
	small := make([]byte, n)    // 4. non-constant size: stack only if it fits 32 bytes
	big := make([]byte, 70_000) // 4. over 64 KiB: always heap
	return len(small) + len(big)
}

func lookup(b []byte) int { return names[string(b)] } // 7. lookup: no copy

func insert(b []byte) { names[string(b)] = 1 } // 7. stored key: copied to the heap

func grow(words []string) string {
	var sb strings.Builder
	sb.Grow(64) // 8. one allocation up front instead of several while growing
	for _, w := range words {
		sb.WriteString(w)
	}
	return sb.String()
}

func main() {
	fmt.Println(addr().x, boxed(300), sized(16), lookup([]byte("a")), grow([]string{"a", "b"}))
	insert([]byte("c"))
}
