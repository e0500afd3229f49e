package main

// Hidden check added by the exercise checker: header must hand back its own 16 bytes for
// packets the program never builds.

import (
	"bytes"
	"testing"
)

func BenchmarkCheckHeader(b *testing.B) {
	for _, n := range []int{16, 17, 100, 4096, 1 << 20} {
		p := make([]byte, n)
		for i := range p {
			p[i] = byte(i*7 + n)
		}
		want := bytes.Clone(p[:16])
		h := header(p)
		if !bytes.Equal(h, want) {
			b.Fatalf("header of a %d-byte packet = %v, want its first 16 bytes %v", n, h, want)
		}
		if cap(h) > 16 {
			b.Fatalf("header of a %d-byte packet has capacity %d: it still holds the packet's array", n, cap(h))
		}
		p[0]++
		if h[0] != want[0] {
			b.Fatalf("changing a %d-byte packet changed its header: they share memory", n)
		}
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}
