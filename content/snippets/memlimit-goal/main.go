package main

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

var live [][]byte // about 8 MiB that stays reachable
var sink []*byte  // pointer-filled garbage, so the pacer has scan work to plan for

func main() {
	for range 2048 {
		live = append(live, make([]byte, 4096))
	}
	// 128 MiB of garbage. With GOGC=off only the memory limit makes the GC run.
	for range 32768 {
		sink = make([]*byte, 512)
	}
	runtime.GC() // settle: the goal is recomputed at the end of each cycle

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	goal, limit := s[0].Value.Uint64(), debug.SetMemoryLimit(-1) // -1 only reads the limit
	fmt.Printf("GC cycles: %d\n", m.NumGC)
	fmt.Printf("runtime-managed memory (Sys - HeapReleased): %d MiB\n", (m.Sys-m.HeapReleased)>>20)
	if limit == math.MaxInt64 {
		fmt.Printf("no memory limit; heap goal %d MiB\n", goal>>20)
		return
	}
	fmt.Printf("memory limit %d MiB, heap goal %d MiB\n", limit>>20, goal>>20)
	fmt.Println("goal below 95% of the limit:", float64(goal) < 0.95*float64(limit))
}
