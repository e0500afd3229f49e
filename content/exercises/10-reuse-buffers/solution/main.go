package main

import (
	"fmt"
	"strconv"
)

var table [4096]string

// render appends one row to dst, so the caller decides when memory is reused.
func render(dst []byte, i int) []byte {
	dst = strconv.AppendInt(dst, int64(i), 10)
	dst = append(dst, ": "...)
	dst = append(dst, table[i%len(table)]...)
	return dst
}

func main() {
	checksum := 0
	row := make([]byte, 0, 4096)
	for i := 0; i < 20000; i++ {
		row = render(row[:0], i)
		checksum += len(row)
	}
	fmt.Println("checksum:", checksum)
}
