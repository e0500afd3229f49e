package main

import "fmt"

type point struct{ x, y int }

// scale only reads and writes through p: the caller's point can stay put.
func scale(p *point, k int) {
	p.x *= k
	p.y *= k
}

// same hands p back to the caller: whether it escapes is the caller's business.
func same(p *point) *point { return p }

var last *point

// remember stores p in a global: whatever p points to must live on the heap.
func remember(p *point) { last = p }

func main() {
	a := point{1, 2}
	scale(&a, 3)
	b := same(&point{3, 4})
	d := point{5, 6}
	remember(&d)
	fmt.Println(a.x, b.y)
}
