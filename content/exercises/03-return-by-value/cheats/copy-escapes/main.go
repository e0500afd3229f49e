package main

import "fmt"

type Point struct{ X, Y int }

// midpoint is called in a hot loop; make its result stay on the stack.
func midpoint(a, b Point) *Point {
	m := Point{(a.X + b.X) / 2, (a.Y + b.Y) / 2} // want: stack
	p := m
	return &p
}

func main() {
	total := 0
	for i := 0; i < 1000; i++ {
		m := midpoint(Point{0, 0}, Point{i, 2 * i})
		total += m.X + m.Y
	}
	fmt.Println("total:", total)
}
