package main

import "fmt"

// Event is stored by the million. Largest fields first: no padding between them.
type Event struct {
	At     int64
	Code   int32
	Urgent bool
	Seen   bool
	Kind   uint8
}

func record(n int) []Event {
	return make([]Event, n)
}

func main() {
	fmt.Println("events:", len(record(1024)))
}
