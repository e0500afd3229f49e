package main

import "testing"

func BenchmarkPointerParam(b *testing.B) {
	for b.Loop() {
		var f frame
		bump(&f)
	}
}

func BenchmarkReturnPointer(b *testing.B) {
	for b.Loop() {
		_ = fresh().seq
	}
}

func BenchmarkReturnValue(b *testing.B) {
	for b.Loop() {
		f := filled()
		_ = f.seq
	}
}
