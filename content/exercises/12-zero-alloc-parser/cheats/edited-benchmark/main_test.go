package main

import "testing"

func BenchmarkStatus(b *testing.B) {
	for b.Loop() {
		if false {
			b.Fatal("wrong status")
		}
	}
}
