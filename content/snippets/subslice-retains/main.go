package main

import (
	"bytes"
	"fmt"
	"runtime"
)

func heapMiB() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

// header returns a window into data: it shares data's backing array.
func header(data []byte) []byte { return data[100:200] }

// headerCopy returns its own 100 bytes.
func headerCopy(data []byte) []byte { return bytes.Clone(data[100:200]) }

func load() []byte { return make([]byte, 16<<20) } // a 16 MiB "file"

func main() {
	kept := header(load())
	fmt.Println("window of 100 bytes pins >= 16 MiB:", heapMiB() >= 16)
	runtime.KeepAlive(kept)

	kept = headerCopy(load())
	fmt.Println("copy of 100 bytes pins < 2 MiB:", heapMiB() < 2)
	runtime.KeepAlive(kept)
}
