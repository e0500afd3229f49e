package main

import (
	"fmt"
	"strconv"
	"testing"
)

// fillMap's map header stays in the frame (-m: does not escape), but the
// table behind it grows on the heap as entries arrive.
//
//go:noinline
func fillMap(n int) int {
	m := make(map[int]int)
	for i := range n {
		m[i] = i
	}
	return len(m)
}

// A channel is always allocated by runtime.makechan; -m prints nothing here.
//
//go:noinline
func newChan() int {
	c := make(chan int, 1)
	c <- 1
	return <-c
}

// strconv.Itoa builds its string on the heap inside the library.
//
//go:noinline
func itoa(n int) int {
	return len(strconv.Itoa(n))
}

func main() {
	fmt.Println("map, 100 inserts:", testing.AllocsPerRun(100, func() { fillMap(100) }), "allocs per run")
	fmt.Println("make(chan int, 1):", testing.AllocsPerRun(100, func() { newChan() }), "allocs per run")
	fmt.Println("strconv.Itoa(123456):", testing.AllocsPerRun(100, func() { itoa(123456) }), "allocs per run")
	fmt.Println("make([]int, n), n=4:", testing.AllocsPerRun(100, func() { sumN(4) }), "allocs per run")
	fmt.Println("make([]int, n), n=100:", testing.AllocsPerRun(100, func() { sumN(100) }), "allocs per run")
	fmt.Println("boxing the constant 7:", testing.AllocsPerRun(100, boxConst), "allocs per run")
}

// sumN's slice does not escape, but its size is only known at run time: up to
// 32 bytes it uses a buffer in the frame, above that runtime.makeslice.
//
//go:noinline
func sumN(n int) int {
	s := make([]int, n)
	t := 0
	for i := range s {
		s[i] = i
		t += s[i]
	}
	return t
}

var sinkAny any

// The reverse case: -m reports "7 escapes to heap", but a constant's boxed
// copy lives in read-only data and nothing is allocated.
//
//go:noinline
func boxConst() {
	sinkAny = 7
}
