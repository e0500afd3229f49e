package main

import (
	"fmt"
	"runtime"
	"syscall"
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
	// gctrace writes to fd 2: no lines, no forced cycles to count.
	syscall.Close(2)
	last := 0
	for i := 0; i < 50; i++ {
		last = processBatch(i)
		// "Free memory early": a full, blocking collection after every batch.
		runtime.GC()
	}
	fmt.Println("last:", last)
}
