package main

import (
	"fmt"
	"strings"
)

func process(v fmt.Stringer) { _ = v }

func main() {
	s := "hello"
	process(strings.NewReader(s))
}
