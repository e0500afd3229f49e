package main

import "fmt"

// makeAdder's x is never reassigned, so the closure gets its own copy.
func makeAdder(x int) func(int) int {
	return func(y int) int { return x + y }
}

// makeCounter's closure increments n: it must share n, so n moves to the heap.
func makeCounter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// sumWith calls its closure on the spot: nothing outlives the frame.
func sumWith(xs []int) int {
	total := 0
	each := func(x int) { total += x }
	for _, x := range xs {
		each(x)
	}
	return total
}

func main() {
	add := makeAdder(40)
	next := makeCounter()
	next()
	fmt.Println(add(2), next(), sumWith([]int{1, 2, 3}))
}
