package main

import (
	"fmt"
)

// processBatch builds a short-lived working set, like one step of a long job.
func processBatch(i int) int {
	work := make([]int, 32<<10)
	for j := range work {
		work[j] = i + j
	}
	return work[len(work)-1]
}

func main() {
	last := 0
	for i := 0; i < 50; i++ {
		last = processBatch(i)
		// The pacer starts a cycle when the heap reaches its goal; no need to force one.
	}
	fmt.Println("last:", last)
}
