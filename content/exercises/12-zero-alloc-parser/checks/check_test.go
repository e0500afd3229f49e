package main

// Hidden checks added by the exercise checker: status must agree with the strings.Split
// version on lines the program never parses, and allocations are measured over all of them.

import (
	"strings"
	"testing"
)

var checkLines = []string{
	"GET /index.html 200 512", "POST /login 302 0", "PUT /x 404", "DELETE /a/b 500 12 extra",
	"GET /", "", "HEAD  / 204 0", "a b c", "PATCH /items/7 418 99",
}

func splitStatus(line string) string {
	f := strings.Split(line, " ")
	if len(f) < 3 {
		return ""
	}
	return f[2]
}

func BenchmarkCheckStatus(b *testing.B) {
	for _, l := range checkLines {
		if got, want := status(l), splitStatus(l); got != want {
			b.Fatalf("status(%q) = %q, want %q", l, got, want)
		}
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}

func BenchmarkCheckStatusAllocs(b *testing.B) {
	want := make([]string, len(checkLines))
	for i, l := range checkLines {
		want[i] = splitStatus(l)
	}
	// Every line in every iteration: allocs/op is rounded down, so one allocating line in nine
	// would still read as 0.
	for b.Loop() {
		for i, l := range checkLines {
			if status(l) != want[i] {
				b.Fatal("wrong status")
			}
		}
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}
