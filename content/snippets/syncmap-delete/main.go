package main

import (
	"fmt"
	"runtime"
	"sync"
)

func heapMiB() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func main() {
	var cache sync.Map
	for i := range 16_000 {
		cache.Store(i, make([]byte, 1024)) // about 16 MiB of values
	}
	full := heapMiB()
	for i := range 16_000 {
		cache.Delete(i)
	}
	empty := heapMiB()
	fmt.Println("filled sync.Map holds >= 12 MiB:", full >= 12)
	fmt.Println("after Delete it holds < 4 MiB:", empty < 4)
}
