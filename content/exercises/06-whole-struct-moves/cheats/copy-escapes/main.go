package main

import "fmt"

type Session struct {
	Active  bool
	Scratch [64]int
}

// lastActive lets other code peek at the most recent session's flag.
var lastActive *bool

func handle(n int) int {
	var s Session // want: stack
	s.Active = n%2 == 0
	for i := range s.Scratch {
		s.Scratch[i] = i * n
	}
	copied := s
	lastActive = &copied.Active
	return s.Scratch[63]
}

func main() {
	fmt.Println(handle(3), *lastActive)
}
