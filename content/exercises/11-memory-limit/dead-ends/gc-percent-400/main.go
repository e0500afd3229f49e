package main

import (
	"fmt"
	"runtime/debug"
)

// cache is the long-lived part of the heap: about 8 MiB that stays reachable.
var cache [][]byte

// last keeps only the current request alive.
var last []byte

func main() {
	// A GC percent alone, high enough to halve the cycles: with no memory limit the heap
	// passes 40 MB (the third hint says so; this must fail the peak goal). At 300 it did not,
	// reliably: its sampled peak was 36.7-48.8 MB, median under 40 in 3 checks of 4 under load;
	// at 400 it was 45.3-61.4 MB.
	debug.SetGCPercent(400)
	for i := 0; i < 8; i++ {
		cache = append(cache, make([]byte, 1<<20))
	}
	// The request loop: short-lived garbage, 1 KiB at a time.
	served := 0
	for i := 0; i < 200000; i++ {
		last = make([]byte, 1024)
		last[0] = byte(i)
		served += int(last[0]) & 1
	}
	fmt.Println("cached MiB:", len(cache), "served:", served)
}
