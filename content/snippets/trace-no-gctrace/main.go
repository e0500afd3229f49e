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
}
