package main

import "testing"

// The allocation count is what the shipped binary does; compare it with -l.
func BenchmarkSum(b *testing.B) {
	for b.Loop() {
		sum()
	}
}
