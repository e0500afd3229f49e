package main

import (
	"fmt"
	"runtime"
)

// node is 32 bytes and holds two pointers: a small object with pointers,
// the kind Green Tea marks a span at a time.
type node struct {
	left, right *node
	val         [2]int
}

func build(depth int) *node {
	if depth == 0 {
		return &node{}
	}
	return &node{left: build(depth - 1), right: build(depth - 1)}
}

var (
	tree *node
	sink []byte
)

func main() {
	// The linker appends the experiment to the version: "go1.26.8-X:nogreenteagc".
	fmt.Println("runtime:", runtime.Version())
	tree = build(17) // 262,143 nodes, 8 MiB that every cycle must mark
	for range 10000 {
		sink = make([]byte, 16<<10) // garbage that keeps the collector cycling
	}
	fmt.Println("tree still reachable:", tree.left != nil)
}
