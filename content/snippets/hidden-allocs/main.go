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
}
