package main

import "testing"

// collect is inlined into these loop bodies, so its append's one-per-frame
// 32-byte stack buffer serves only the first iteration of the whole loop.
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

// collectOnce gives every call its own frame, and with it a fresh stack buffer.
//
//go:noinline
func collectOnce(n int) int { return collect(n) }

func BenchmarkCollect3NoInline(b *testing.B) {
	for b.Loop() {
		collectOnce(3)
	}
}

func BenchmarkCollect100NoInline(b *testing.B) {
	for b.Loop() {
		collectOnce(100)
	}
}

func BenchmarkCollectSized100(b *testing.B) {
	for b.Loop() {
		collectSized(100)
	}
}
