package main

import (
	"fmt"
	"runtime"
)

var sink []byte

// heapCost reports how many heap bytes one make([]byte, n) really takes.
func heapCost(n int) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	sink = make([]byte, n)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func main() {
	for _, n := range []int{33, 1000, 32768, 32769, 40000} {
		c := heapCost(n)
		fmt.Printf("make([]byte, %5d) takes %5d bytes", n, c)
		if n > 32768 {
			fmt.Printf(" = %d pages of 8 KiB", c/8192)
		}
		fmt.Println()
	}
}
