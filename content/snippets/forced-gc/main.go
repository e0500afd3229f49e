package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var batch [][]byte

// job stands in for one step of a long batch: it builds 32 MiB of data and drops it.
func job() {
	for range 8192 {
		batch = append(batch, make([]byte, 4096))
	}
	batch = nil
}

func main() {
	var m runtime.MemStats
	job()
	runtime.ReadMemStats(&m)
	before := m.NumGC

	runtime.GC() // blocks until a full cycle (mark and sweep) has finished
	runtime.ReadMemStats(&m)
	fmt.Printf("runtime.GC returned: %d cycle(s) finished meanwhile, heap now %d MiB\n",
		m.NumGC-before, m.HeapAlloc>>20)

	debug.FreeOSMemory() // another forced cycle, then return free pages to the OS
	runtime.ReadMemStats(&m)
	fmt.Printf("after FreeOSMemory: %d MiB released to the OS\n", m.HeapReleased>>20)
}
