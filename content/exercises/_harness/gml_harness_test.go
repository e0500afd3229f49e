package main

// The checker adds this file to an exercise's package in bench mode (see
// src/lib/exercises/check.ts). It measures one run of main with runtime/metrics, which the
// runtime keeps whatever the program does with its stderr or GODEBUG; gctrace cannot give
// that guarantee (a program can close fd 2 or turn the collector off and print nothing).

import (
	"io"
	"os"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// gmlRun is what one run of main did.
type gmlRun struct {
	cycles, forced float64 // GC cycles during main, and how many runtime.GC() forced
	allocMB        float64 // bytes main allocated on the heap: the work it did
	peakMB         float64 // largest heap (live and not yet swept objects) seen while it ran
	stdout         string
}

var (
	gmlOnce sync.Once
	gmlMain gmlRun
)

const gmlMiB = 1 << 20

func gmlCounters() (cycles, forced, alloc uint64) {
	s := []metrics.Sample{
		{Name: "/gc/cycles/total:gc-cycles"},
		{Name: "/gc/cycles/forced:gc-cycles"},
		{Name: "/gc/heap/allocs:bytes"},
	}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64()
}

func gmlHeap() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// gmlCapture runs f with os.Stdout redirected and returns what it printed.
func gmlCapture(f func()) string {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	saved := os.Stdout
	os.Stdout = w
	out := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		out <- string(b)
	}()
	defer func() { os.Stdout = saved }()
	f()
	w.Close()
	return <-out
}

// gmlMeasureMain runs main once, sampling the heap from another goroutine while it runs (the
// runtime preempts main for it even when GOMAXPROCS is 1).
func gmlMeasureMain() gmlRun {
	gmlOnce.Do(func() {
		stop := make(chan struct{})
		peak := make(chan uint64)
		go func() {
			tick := time.NewTicker(200 * time.Microsecond)
			defer tick.Stop()
			var most uint64
			for {
				if h := gmlHeap(); h > most {
					most = h
				}
				select {
				case <-stop:
					peak <- most
					return
				case <-tick.C:
				}
			}
		}()
		c0, f0, a0 := gmlCounters()
		out := gmlCapture(main)
		c1, f1, a1 := gmlCounters()
		h := gmlHeap()
		close(stop)
		most := <-peak
		if h > most {
			most = h
		}
		gmlMain = gmlRun{
			cycles:  float64(c1 - c0),
			forced:  float64(f1 - f0),
			allocMB: float64(a1-a0) / gmlMiB,
			peakMB:  float64(most) / gmlMiB,
			stdout:  out,
		}
	})
	return gmlMain
}

// BenchmarkGmlMain reports the figures; main runs once however often the benchmark is called.
func BenchmarkGmlMain(b *testing.B) {
	m := gmlMeasureMain()
	b.ReportMetric(m.cycles, "gc-cycles")
	b.ReportMetric(m.forced, "forced-gc")
	b.ReportMetric(m.allocMB, "alloc-MB")
	b.ReportMetric(m.peakMB, "peak-heap-MB")
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}
