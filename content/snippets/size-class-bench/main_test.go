package main

import "testing"

// Package-level sinks make every new() escape, so each iteration really allocates.
var (
	tiny  *[5]byte
	small *[33]byte
	large *[40000]byte
)

func BenchmarkTiny5(b *testing.B) {
	for b.Loop() {
		tiny = new([5]byte)
	}
}

func BenchmarkSmall33(b *testing.B) {
	for b.Loop() {
		small = new([33]byte)
	}
}

func BenchmarkLarge40000(b *testing.B) {
	for b.Loop() {
		large = new([40000]byte)
	}
}
