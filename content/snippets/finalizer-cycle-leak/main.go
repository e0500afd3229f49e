package main

import (
	"fmt"
	"runtime"
	"time"
)

type node struct {
	peer    *node
	payload []byte
}

// pair builds a two-node cycle holding 8 MiB and reports when it is freed.
func pair(useCleanup bool, freed chan<- string) {
	a := &node{payload: make([]byte, 8<<20)}
	b := &node{peer: a}
	a.peer = b
	if useCleanup {
		runtime.AddCleanup(a, func(s string) { freed <- s }, "AddCleanup")
	} else {
		runtime.SetFinalizer(a, func(*node) { freed <- "SetFinalizer" })
	}
}

func main() {
	freed := make(chan string, 2)
	pair(false, freed)
	pair(true, freed)
	for range 3 {
		runtime.GC()
	}
	select {
	case s := <-freed:
		fmt.Println(s, "ran: true")
	case <-time.After(time.Second):
		fmt.Println("nothing ran")
	}
	time.Sleep(100 * time.Millisecond) // give the other one a chance
	fmt.Println("anything else ran:", len(freed) > 0)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("heap still in use: %d MiB\n", m.HeapAlloc>>20)
}
