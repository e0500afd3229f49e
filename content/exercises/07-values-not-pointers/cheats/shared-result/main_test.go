package main

import "testing"

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if total(load(1000)) == 0 {
			b.Fatal("empty")
		}
	}
}
