package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
)

var live [][]byte // about 8 MiB that stays reachable the whole time
var sink []*byte  // pointer-filled garbage, so the pacer has scan work to plan for

func main() {
	for range 2048 {
		live = append(live, make([]byte, 4096))
	}
	// 64 MiB of short-lived garbage: each 4 KiB slice dies at the next iteration.
	for range 16384 {
		sink = make([]*byte, 512)
	}

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	goal := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(goal)
	gogc := os.Getenv("GOGC")
	if gogc == "" {
		gogc = "100 (default)"
	}
	fmt.Printf("GOGC=%s: %d GC cycles, last heap goal %d MiB\n", gogc, m.NumGC, goal[0].Value.Uint64()>>20)
}
