package main

import (
	"bytes"
	"io"
	"os"
)

// copyOut hands a *bytes.Buffer to io.Copy as an io.Reader.
func copyOut(w io.Writer, data []byte) error {
	buf := bytes.NewBuffer(data)
	_, err := io.Copy(w, buf)
	return err
}

// writeOut calls the Buffer's own method: no interface, nothing leaks.
func writeOut(data []byte) int {
	var buf bytes.Buffer
	buf.Write(data)
	return buf.Len()
}

func main() {
	data := make([]byte, 1024)
	_ = copyOut(os.Stdout, data[:0])
	_ = writeOut(data)
}
