package main

import (
	"io"
	"testing"
)

func BenchmarkEmit(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		emit(io.Discard, i)
	}
}
