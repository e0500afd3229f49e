package main

import (
	"fmt"
	"runtime/metrics"
)

type node struct {
	next *node
	val  [48]byte
}

var keep []*node // a pointer-rich live heap gives the GC real marking work

func main() {
	for i := range 200_000 {
		keep = append(keep, &node{})
		if i%4 == 0 { // most allocations die young
			keep = keep[:len(keep)-1]
		}
	}
	for i := range 1_000_000 { // keep allocating (and dropping old nodes) while the GC marks
		j := i % len(keep)
		keep[j] = &node{next: keep[0]}
	}

	s := []metrics.Sample{
		{Name: "/cpu/classes/gc/mark/assist:cpu-seconds"},
		{Name: "/cpu/classes/gc/mark/dedicated:cpu-seconds"},
		{Name: "/cpu/classes/gc/mark/idle:cpu-seconds"},
		{Name: "/gc/cycles/total:gc-cycles"},
	}
	metrics.Read(s)
	fmt.Printf("GC cycles: %d\n", s[3].Value.Uint64())
	fmt.Printf("CPU ms: assist %.2f, dedicated %.2f, idle %.2f\n",
		1e3*s[0].Value.Float64(), 1e3*s[1].Value.Float64(), 1e3*s[2].Value.Float64())
	fmt.Println("goroutines were drafted into mark assist:", s[0].Value.Float64() > 0)
}
