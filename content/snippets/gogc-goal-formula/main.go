package main

import (
	"fmt"
	"runtime"
	"runtime/metrics"
)

var live = make([]byte, 8<<20) // 8 MiB of live heap

// deep recurses to grow this goroutine's stack, then parks it.
func deep(n int, park chan struct{}) byte {
	var pad [1024]byte
	if n == 0 {
		<-park
		return pad[0]
	}
	return deep(n-1, park) + pad[n%1024]
}

func main() {
	park := make(chan struct{})
	for range 16 {
		go deep(1000, park) // about 1 MiB of stack each
	}
	runtime.GC() // the goal is recomputed at the end of every cycle
	runtime.GC()

	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/stack:bytes"},
		{Name: "/gc/scan/globals:bytes"}, {Name: "/gc/gogc:percent"}, {Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	heap, stacks, globals := s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64()
	gogc, goal := s[3].Value.Uint64(), s[4].Value.Uint64()

	formula := heap + (heap+stacks+globals)*gogc/100
	fmt.Printf("live heap %d KiB, stacks %d KiB, globals %d KiB, GOGC %d\n", heap>>10, stacks>>10, globals>>10, gogc)
	fmt.Printf("runtime goal %d KiB, formula %d KiB, heap-only formula %d KiB\n", goal>>10, formula>>10, (heap+heap*gogc/100)>>10)
	fmt.Println("goal matches the formula with stacks:", goal == formula)

	// The collector's worker writes the gctrace line; a program that exits straight after a
	// GC can cut it short. Stopping the world (ReadMemStats does) waits for it to finish.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	close(park)
}
