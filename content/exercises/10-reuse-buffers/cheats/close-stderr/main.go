package main

import (
	"fmt"
	"strconv"
	"syscall"
)

var table [4096]string

// render formats one row; the result is only needed until the next row.
func render(i int) []byte {
	row := make([]byte, 0, 4096)
	row = strconv.AppendInt(row, int64(i), 10)
	row = append(row, ": "...)
	row = append(row, table[i%len(table)]...)
	return row
}

func main() {
	syscall.Close(2)
	checksum := 0
	for i := 0; i < 20000; i++ {
		row := render(i)
		checksum += len(row)
	}
	fmt.Println("checksum:", checksum)
}
