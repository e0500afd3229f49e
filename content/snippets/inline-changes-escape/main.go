package main

import "fmt"

type pair struct{ a, b int }

// newPair returns a pointer: on its own, its pair must be on the heap.
func newPair(a, b int) *pair { return &pair{a, b} }

// sum calls newPair; once newPair is inlined here, the pair never leaves sum.
func sum() int {
	p := newPair(1, 2)
	return p.a + p.b
}

func main() {
	fmt.Println(sum())
}
