package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

func newRect(w, h float64) *Rect { return &Rect{w, h} }

func total(shapes []Shape) float64 {
	sum := 0.0
	for _, s := range shapes {
		sum += s.Area()
	}
	return sum
}

func copyTo(w io.Writer, s string) {
	var buf bytes.Buffer
	buf.WriteString(s)
	io.Copy(w, &buf)
}

func main() {
	r := newRect(2, 3)
	shapes := []Shape{r, Rect{1, 1}}
	fmt.Println(total(shapes))
	copyTo(os.Stdout, strings.Repeat("x", 3))
	nums := make([]int, 0, 4)
	for i := range 4 {
		nums = append(nums, i)
	}
	fmt.Println(len(nums))
}
