package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex
var total int

func add(a, b int) int { return a + b }

// withDefer holds a defer: go1.26 still refuses to inline it.
func withDefer(n int) {
	mu.Lock()
	defer mu.Unlock()
	total += n
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

//go:noinline
func pinned(x int) int { return x * 2 }

func main() {
	withDefer(add(1, 2))
	_, err := safeDiv(1, 0)
	fmt.Println(total, pinned(4), err)
}
