package main

import (
	"fmt"
	"runtime"
)

var live [][]*int // about 4 MiB kept alive: the "live heap" of each line
var sink []*int   // short-lived garbage

func main() {
	for range 1024 {
		live = append(live, make([]*int, 512))
	}
	for range 8192 { // 32 MiB of garbage: enough for several cycles
		sink = make([]*int, 512)
	}
	runtime.GC() // one more cycle, marked (forced) in the trace

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%d cycles, %d forced; see the gc lines in the GC panel\n", m.NumGC, m.NumForcedGC)
}
