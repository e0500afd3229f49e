package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

// node is 32 bytes and holds two pointers: a small object with pointers,
// the kind Green Tea marks a span at a time.
type node struct {
	left, right *node
	val         [2]int
}

func build(depth int) *node {
	if depth == 0 {
		return &node{}
	}
	return &node{left: build(depth - 1), right: build(depth - 1)}
}

// Two 48-byte types, one with a pointer and one without.
type withPtr struct {
	p *int
	_ [40]byte
}

type noPtr struct{ _ [48]byte }

var (
	tree  *node
	sink  []byte
	keepP [2000]*withPtr
	keepN [2000]*noPtr
)

// slotsPerSpan is the longest run of addresses exactly size bytes apart: the
// slots of one span, which the allocator hands out in address order.
func slotsPerSpan(addrs []uintptr, size uintptr) int {
	best, run := 1, 1
	for i := 1; i < len(addrs); i++ {
		if addrs[i] == addrs[i-1]+size {
			run++
			best = max(best, run)
		} else {
			run = 1
		}
	}
	return best
}

func main() {
	// The linker appends the experiment to the version: "go1.26.8-X:nogreenteagc".
	fmt.Println("runtime:", runtime.Version())

	ap, an := make([]uintptr, len(keepP)), make([]uintptr, len(keepN))
	for i := range keepP {
		keepP[i] = new(withPtr)
		ap[i] = uintptr(unsafe.Pointer(keepP[i]))
	}
	for i := range keepN {
		keepN[i] = new(noPtr)
		an[i] = uintptr(unsafe.Pointer(keepN[i]))
	}
	fmt.Println("48-byte objects with a pointer per span:", slotsPerSpan(ap, 48))
	fmt.Println("48-byte objects without pointers per span:", slotsPerSpan(an, 48))

	tree = build(17) // 262,143 nodes, 8 MiB that every cycle must mark
	for range 10000 {
		sink = make([]byte, 16<<10) // garbage that keeps the collector cycling
	}
	fmt.Println("tree still reachable:", tree.left != nil)
}
