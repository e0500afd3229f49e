package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/pprof"
	"strings"
)

type record struct{ id, size int }

var kept []*record

// keep's record outlives the call: -m says it escapes, the profile should see it.
func keep(i int) { kept = append(kept, &record{i, 64}) }

// sum's record never leaves the frame: -m says it does not escape.
func sum(i int) int {
	r := &record{i, 64}
	return r.id + r.size
}

func main() {
	runtime.MemProfileRate = 1 // sample every allocation (a demo setting, not for production)
	total := 0
	for i := range 1000 {
		keep(i)
		total += sum(i)
	}
	runtime.GC() // the allocs profile is published at the end of a GC cycle

	var out bytes.Buffer
	_ = pprof.Lookup("allocs").WriteTo(&out, 1)
	profile := out.String()
	fmt.Println("main.keep in allocs profile:", strings.Contains(profile, "main.keep+"))
	fmt.Println("main.sum in allocs profile:", strings.Contains(profile, "main.sum+"))
	fmt.Println(total > 0)
}
