package main

// Hidden checks added by the exercise checker: load and total must still build and add up
// every item, for sizes the program never asks for, and each call builds its own items.

import (
	"reflect"
	"testing"
)

func BenchmarkCheckLoad(b *testing.B) {
	for _, n := range []int{0, 1, 7, 1000, 4096} {
		if got, want := total(load(n)), 3*n*(n-1)/2; got != want {
			b.Fatalf("total(load(%d)) = %d, want %d", n, got, want)
		}
	}
	x, y := reflect.ValueOf(load(10)), reflect.ValueOf(load(10))
	if x.Len() != 10 || y.Len() != 10 {
		b.Fatalf("load(10) returned %d and %d items, want 10", x.Len(), y.Len())
	}
	if x.Pointer() == y.Pointer() {
		b.Fatal("two calls to load(10) returned the same items: the work was done once and shared")
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}

func BenchmarkCheckLoadAllocs(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		n := 1000 + i%3
		if total(load(n)) != 3*n*(n-1)/2 {
			b.Fatalf("total(load(%d)) is wrong", n)
		}
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}
