package main

import "fmt"

type event struct {
	id      int
	payload [48]byte
}

var last *event

// handle allocates one short-lived event per call: garbage a moment later.
//
//go:noinline
func handle(i int) {
	e := &event{id: i}
	last = e
}

func main() {
	for i := range 2_000_000 {
		handle(i)
	}
	fmt.Println("handled", last.id+1, "events")
}
