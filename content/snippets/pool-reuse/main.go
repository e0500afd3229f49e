package main

import (
	"fmt"
	"sync"
)

type event struct {
	id      int
	payload [48]byte
}

var sink *event

// fresh allocates a new event for every call.
func fresh(i int) {
	e := &event{id: i}
	sink = e
	sink = nil
}

var pool = sync.Pool{New: func() any { return new(event) }}

// pooled reuses events: reset, use, put back.
func pooled(i int) {
	e := pool.Get().(*event)
	*e = event{id: i}
	sink = e
	sink = nil
	pool.Put(e)
}

func main() {
	fresh(1)
	pooled(2)
	fmt.Println("ok")
}
