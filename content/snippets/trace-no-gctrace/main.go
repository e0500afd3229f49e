package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/trace"
	"strings"
)

func main() {
	// Record an execution trace in memory while forcing one collection.
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		panic(err)
	}
	runtime.GC()
	trace.Stop()

	// The trace's string table names the stack that started the cycle.
	fmt.Println("trace recorded:", buf.Len() > 0)
	fmt.Println("trace mentions runtime.GC:", strings.Contains(buf.String(), "runtime.GC"))

	// The collector's worker writes the gctrace line; a program that exits straight after a
	// GC can cut it short. Stopping the world (ReadMemStats does) waits for it to finish.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
}
