package main

import "testing"

// One 8-byte allocation per iteration: 1 allocs/op, 8 B/op.
func BenchmarkEveryCall(b *testing.B) {
	for b.Loop() {
		sink = new(int)
	}
}

// Half an allocation per iteration: the testing package divides the totals
// by the iteration count in integers, so allocs/op rounds down to 0 while
// B/op still shows the 4 bytes per iteration.
func BenchmarkEveryOther(b *testing.B) {
	i := 0
	for b.Loop() {
		everyOther(i)
		i++
	}
}
