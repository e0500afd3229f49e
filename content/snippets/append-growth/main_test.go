package main

import "testing"

func BenchmarkCollect3(b *testing.B) {
	for b.Loop() {
		collect(3)
	}
}

func BenchmarkCollect100(b *testing.B) {
	for b.Loop() {
		collect(100)
	}
}

func BenchmarkCollectSized100(b *testing.B) {
	for b.Loop() {
		collectSized(100)
	}
}
