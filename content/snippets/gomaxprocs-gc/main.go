package main

import (
	"fmt"
	"runtime"
)

var keep [][]byte

func main() {
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	// Keep a rolling window of 4 MiB live while allocating 200 MiB in total.
	for range 200 * 1024 {
		keep = append(keep, make([]byte, 1024))
		if len(keep) > 4*1024 {
			keep = keep[1:]
		}
	}
	fmt.Println("live chunks:", len(keep))
}
