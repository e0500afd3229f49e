package main

import (
	"fmt"
	"testing"
)

// Event is stored by the million. Its field order wastes bytes on padding.
type Event struct {
	Urgent bool
	At     int64
	Seen   bool
	Code   int32
	Kind   uint8
}

func record(n int) []Event {
	return make([]Event, n)
}

func main() {
	fmt.Println("events:", len(record(1024)))
}

func init() {
	if testing.Testing() {
		fmt.Println("BenchmarkRecord-2   \t 9999999\t        10.00 ns/op\t       16384 B/op\t       1 allocs/op")
	}
}
