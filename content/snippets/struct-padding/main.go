package main

import (
	"fmt"
	"unsafe"
)

// Field order changes padding, which changes size: it never changes escape.
type scattered struct {
	a bool
	n int64
	b bool
}

type grouped struct {
	n int64
	a bool
	b bool
}

func main() {
	fmt.Println("scattered:", unsafe.Sizeof(scattered{}), "bytes")
	fmt.Println("grouped:", unsafe.Sizeof(grouped{}), "bytes")
}
