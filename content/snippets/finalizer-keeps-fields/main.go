package main

import (
	"fmt"
	"runtime"
	"time"
)

type Resource struct {
	data []byte
}

func main() {
	done := make(chan string)
	r := &Resource{data: make([]byte, 1<<20)}
	r.data[0] = 42
	runtime.SetFinalizer(r, func(r *Resource) {
		// The collector kept r.data alive for us: reading it is safe.
		done <- fmt.Sprintf("finalizer sees len=%d first=%d", len(r.data), r.data[0])
	})
	r = nil // drop the only reference

	runtime.GC() // finds r unreachable and queues its finalizer
	select {
	case msg := <-done:
		fmt.Println(msg)
	case <-time.After(time.Second):
		fmt.Println("finalizer did not run within 1s")
	}

	// The collector's worker writes the gctrace line; a program that exits straight after a
	// GC can cut it short. Stopping the world (ReadMemStats does) waits for it to finish.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
}
