package main

import "fmt"

type Stats struct {
	Count int
	Sum   int
}

func summarize(values []int) {
	var s Stats // want: stack
	for _, v := range values {
		s.Count++
		s.Sum += v
	}
	copied := s
	fmt.Println(&copied)
}

func main() {
	summarize([]int{3, 1, 4, 1, 5, 9, 2, 6})
}
