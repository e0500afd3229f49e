package main

import (
	"fmt"
	"testing"
)

type pair struct{ a, b int }

// newPair returns a pointer: on its own, its pair must be on the heap.
func newPair(a, b int) *pair { return &pair{a, b} }

// sum calls newPair; once newPair is inlined here, the pair never leaves sum.
func sum() int {
	p := newPair(1, 2)
	return p.a + p.b
}

func main() {
	// Count what the compiled program really allocates per call of sum.
	allocs := testing.AllocsPerRun(1000, func() { _ = sum() })
	fmt.Println("heap allocations per call of sum:", allocs)
}
