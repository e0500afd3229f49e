package main

// Hidden checks added by the exercise checker: emit must write the right line to a real
// writer, and its allocations are measured on one, not on io.Discard.

import (
	"bytes"
	"strconv"
	"testing"
)

func BenchmarkCheckEmit(b *testing.B) {
	var buf bytes.Buffer
	for _, id := range []int{0, 7, -42, 1234567890123, 99} {
		buf.Reset()
		emit(&buf, id)
		if want := "id=" + strconv.Itoa(id) + "\n"; buf.String() != want {
			b.Fatalf("emit(&buf, %d) wrote %q, want %q", id, buf.String(), want)
		}
	}
	buf.Reset()
	emit(&buf, 1)
	emit(&buf, 22)
	if got := buf.String(); got != "id=1\nid=22\n" {
		b.Fatalf("emit(&buf, 1) then emit(&buf, 22) wrote %q, want %q", got, "id=1\nid=22\n")
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}

func BenchmarkCheckEmitBuffer(b *testing.B) {
	var buf bytes.Buffer
	buf.Grow(64)
	for i := 0; b.Loop(); i++ {
		buf.Reset()
		emit(&buf, i)
	}
	if buf.Len() == 0 {
		b.Fatal("emit wrote nothing to a bytes.Buffer")
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}
