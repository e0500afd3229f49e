package main

import "testing"

var line = "2026-11-26T10:00:00Z level=info user=42 msg=login"

func BenchmarkAppendKey(b *testing.B) {
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf = appendKey(buf[:0], line)
	}
}

func BenchmarkCountIncrement(b *testing.B) {
	counts := map[string]int{}
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf = appendKey(buf[:0], line)
		counts[string(buf)]++ // converts, and so allocates, on every call
	}
}

func BenchmarkCountLookup(b *testing.B) {
	counts := map[string]*int{}
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf = appendKey(buf[:0], line)
		count(counts, buf)
	}
}
