// The program behind the execution-trace figures of chapter 4 (#reading-pprof-and-the-execution-trace).
// scripts/capture-trace-views.ts builds it, runs it with GOMAXPROCS=2 and opens the trace it writes
// in `go tool trace`. It is the mark-assist snippet's workload spread over two goroutines: a
// pointer-rich live heap gives each cycle real marking work, and allocating while the collector
// marks drafts the allocating goroutines into mark assist.
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"sync"
)

type node struct {
	next *node
	val  [48]byte
}

// churn replaces the live nodes one by one: every new node points at one of a few long-lived
// roots (whose own next is nil), so the live heap stays the same size while it allocates.
func churn(keep, roots []*node, rounds int) {
	for i := range rounds {
		j := i % len(keep)
		keep[j] = &node{next: roots[j%len(roots)]}
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: trace-capture out.trace")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := trace.Start(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	var wg sync.WaitGroup
	for range 2 {
		roots := make([]*node, 1_000)
		for i := range roots {
			roots[i] = &node{}
		}
		keep := make([]*node, 100_000)
		churn(keep, roots, len(keep))
		wg.Go(func() { churn(keep, roots, 1_000_000) })
	}
	wg.Wait()

	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
