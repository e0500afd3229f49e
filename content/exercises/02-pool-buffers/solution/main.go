package main

import (
	"io"
	"os"
	"strconv"
	"sync"
)

// bufPool hands out reusable buffers. It stores *[]byte, not []byte:
// putting a slice header into an interface would itself allocate.
var bufPool = sync.Pool{New: func() any {
	b := make([]byte, 0, 64)
	return &b
}}

// emit writes one id per line. It runs once per request, so every
// allocation here is paid thousands of times a second.
func emit(w io.Writer, id int) {
	bp := bufPool.Get().(*[]byte)
	buf := append((*bp)[:0], "id="...)
	buf = strconv.AppendInt(buf, int64(id), 10)
	buf = append(buf, '\n')
	w.Write(buf)
	*bp = buf
	bufPool.Put(bp)
}

func main() {
	for id := 1; id <= 3; id++ {
		emit(os.Stdout, id)
	}
}
