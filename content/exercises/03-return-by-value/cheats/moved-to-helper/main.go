package main

import "fmt"

type Point struct{ X, Y int }

// midpoint is called in a hot loop; make its result stay on the stack.
func midpoint(a, b Point) *Point {
	return build((a.X+b.X)/2, (a.Y+b.Y)/2) // want: stack
}

// build does the allocating now, out of midpoint's sight.
func build(x, y int) *Point {
	m := Point{x, y}
	return &m
}

func main() {
	total := 0
	for i := 0; i < 1000; i++ {
		m := midpoint(Point{0, 0}, Point{i, 2 * i})
		total += m.X + m.Y
	}
	fmt.Println("total:", total)
}
