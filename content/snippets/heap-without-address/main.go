package main

import "fmt"

var sink any

// No & anywhere below, yet three of these allocations end up on the heap.

func wrap(x int) []int {
	return []int{x} // the backing array outlives the call
}

func scratch() int {
	buf := make([]byte, 1<<20) // 1 MiB: too large for a stack frame
	return len(buf)
}

func box(n int) {
	sink = n // an int stored in an interface that lives in a global
}

func local(x, n int) int {
	s := []int{x}       // small and never leaves: stays on the stack
	t := make([]int, n) // non-constant size: stack buffer when it fits (Go 1.25+)
	return s[0] + len(t)
}

func main() {
	box(7)
	fmt.Println(len(wrap(1)), scratch(), local(2, 3), sink)
}
