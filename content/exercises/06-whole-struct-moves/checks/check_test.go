package main

// Hidden checks added by the exercise checker: handle still works for values of n the program
// never passes, and what it leaves on the heap per call is the flag, not a copy of the session.

import "testing"

func BenchmarkCheckHandle(b *testing.B) {
	for _, n := range []int{0, 1, 2, 7, -4, 1000} {
		if got := handle(n); got != 63*n {
			b.Fatalf("handle(%d) = %d, want %d", n, got, 63*n)
		}
		if lastActive == nil || *lastActive != (n%2 == 0) {
			b.Fatalf("after handle(%d), *lastActive is not %v", n, n%2 == 0)
		}
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}

func BenchmarkCheckHandleBytes(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		handle(i)
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}
