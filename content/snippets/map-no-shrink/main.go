package main

import (
	"fmt"
	"runtime"
)

func heapMiB() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

type entry struct{ data [128]byte } // stored inline in the map's table

func main() {
	m := make(map[int]entry)
	for i := range 100_000 {
		m[i] = entry{}
	}
	full := heapMiB()
	for i := range 100_000 {
		delete(m, i)
	}
	emptied := heapMiB()
	fmt.Println("len after delete:", len(m))
	fmt.Println("table still holds >= 75% of its peak:", emptied*4 >= full*3)

	m = make(map[int]entry) // the fix: a new map, the old table becomes garbage
	fmt.Println("after re-creating it holds < 2 MiB:", heapMiB() < 2)
}
