package main

import "fmt"

type frame struct {
	pixels [512]byte
	seq    int
}

// bump takes a pointer it never stores: the caller's frame can stay on the stack.
//
//go:noinline
func bump(f *frame) { f.seq++ }

// fresh returns a pointer to a new frame: that frame must be on the heap.
//
//go:noinline
func fresh() *frame { return &frame{seq: 1} }

// filled returns the frame by value: the caller decides where it lives.
//
//go:noinline
func filled() frame { return frame{seq: 1} }

func main() {
	var f frame
	bump(&f)
	g := filled()
	fmt.Println(f.seq, g.seq, fresh().seq)
}
