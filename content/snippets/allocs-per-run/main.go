package main

import (
	"fmt"
	"strconv"
	"testing"
)

var (
	out string
	id  = 12345 // a package variable: the compiler cannot fold it into a constant
)

func main() {
	buf := make([]byte, 0, 64)

	sprintf := testing.AllocsPerRun(1000, func() {
		out = fmt.Sprintf("user-%d", id)
	})
	concat := testing.AllocsPerRun(1000, func() {
		out = "user-" + strconv.Itoa(id)
	})
	appendTo := testing.AllocsPerRun(1000, func() {
		buf = strconv.AppendInt(append(buf[:0], "user-"...), int64(id), 10)
	})

	fmt.Printf("fmt.Sprintf:        %v allocs per call\n", sprintf)
	fmt.Printf("concat + Itoa:      %v allocs per call\n", concat)
	fmt.Printf("AppendInt into buf: %v allocs per call\n", appendTo)
}
