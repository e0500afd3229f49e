package main

import "testing"

func BenchmarkFresh(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		fresh(i)
	}
}

func BenchmarkPooled(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		pooled(i)
	}
}
