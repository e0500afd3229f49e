package main

import "testing"

var line = "2026-11-26T10:00:00Z level=info user=42 msg=login"
var out string

func BenchmarkKey(b *testing.B) {
	for b.Loop() {
		out = key(line)
	}
}
