package main

import "fmt"

// newCounter hands out the address of its local x, so x must outlive the call.
//
//go:noinline
func newCounter() *int {
	x := 0
	return &x
}

// countTo returns a copy of x: nothing refers to x once the function returns.
//
//go:noinline
func countTo(n int) int {
	x := 0
	for range n {
		x++
	}
	return x
}

func main() {
	p := newCounter()
	*p += 41
	fmt.Println(*p+1, countTo(3))
}
