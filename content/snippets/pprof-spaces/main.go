package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var (
	sink []byte
	kept [][]byte
)

// churn allocates 10 MiB that is garbage at once.
//
//go:noinline
func churn() {
	for range 1000 {
		sink = make([]byte, 10<<10)
	}
}

// retain allocates 1 MiB and keeps it.
//
//go:noinline
func retain() {
	for range 100 {
		kept = append(kept, make([]byte, 10<<10))
	}
}

// space sums the heap profile records whose stack passes through fn:
// bytes allocated (alloc_space) and bytes not yet freed (inuse_space).
func space(fn string) (alloc, inuse int64) {
	var recs []runtime.MemProfileRecord
	n, _ := runtime.MemProfile(nil, true)
	for {
		recs = make([]runtime.MemProfileRecord, n+50)
		var ok bool
		if n, ok = runtime.MemProfile(recs, true); ok {
			recs = recs[:n]
			break
		}
	}
	for _, r := range recs {
		frames := runtime.CallersFrames(r.Stack())
		for {
			f, more := frames.Next()
			if f.Function == fn {
				alloc += r.AllocBytes
				inuse += r.InUseBytes()
				break
			}
			if !more {
				break
			}
		}
	}
	return alloc, inuse
}

func report(when string) {
	for _, fn := range []string{"main.churn", "main.retain"} {
		a, i := space(fn)
		fmt.Printf("%s %s: alloc_space %d KiB, inuse_space %d KiB\n", when, fn, a>>10, i>>10)
	}
}

func main() {
	runtime.MemProfileRate = 1 // record every allocation, not a sample
	churn()
	// No cycle may complete between retain and the first report, or the lag shown below
	// would come and go from run to run (SetGCPercent(-1) also waits for a running mark).
	debug.SetGCPercent(-1)
	retain()
	report("before runtime.GC():")
	runtime.GC() // what /debug/pprof/heap?gc=1 does before it writes the profile
	report("after runtime.GC():")
	runtime.KeepAlive(kept)
}
