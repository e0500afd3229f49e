package main

import "testing"

var sink []Event

func BenchmarkRecord(b *testing.B) {
	for b.Loop() {
		sink = record(1024)
	}
}
