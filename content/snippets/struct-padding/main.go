package main

import (
	"fmt"
	"reflect"
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
	fmt.Println("scattered:", reflect.TypeFor[scattered]().Size(), "bytes")
	fmt.Println("grouped:", reflect.TypeFor[grouped]().Size(), "bytes")
}
