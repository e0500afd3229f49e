package main

// Hidden check added by the exercise checker: main must still render every row. The table is
// filled with text the program never sees, so a remembered checksum cannot match.

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	checkRowsOnce sync.Once
	checkRowsErr  string
)

// BenchmarkCheckRows runs main once however often the benchmark is called (it ignores b.N).
func BenchmarkCheckRows(b *testing.B) {
	checkRowsOnce.Do(func() {
		saved := table
		defer func() { table = saved }()
		for i := range table {
			table[i] = strings.Repeat("x", (i*31+7)%97)
		}
		want := 0
		for i := 0; i < 20000; i++ {
			want += len(strconv.Itoa(i)) + 2 + len(table[i%len(table)])
		}
		if got, w := gmlCapture(main), fmt.Sprintln("checksum:", want); got != w {
			checkRowsErr = fmt.Sprintf("with other table contents main printed %q, want %q", got, w)
		}
	})
	if checkRowsErr != "" {
		b.Fatal(checkRowsErr)
	}
	gmlProve(b) // the checker renames it per check: proof this ran to the end
}
