package main

import "testing"

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if total(nil) != 0 {
			b.Fatal("empty")
		}
	}
}
