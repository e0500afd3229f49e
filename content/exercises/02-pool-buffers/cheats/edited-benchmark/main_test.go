package main

import (
	"testing"
)

func BenchmarkEmit(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		_ = i
	}
}
