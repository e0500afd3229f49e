package main

import "fmt"

// collect grows a slice whose final length the compiler cannot know.
func collect(n int) int {
	var out []int
	for i := range n {
		out = append(out, i)
	}
	return len(out)
}

// collectSized reserves the capacity up front: one make, no growth.
func collectSized(n int) int {
	out := make([]int, 0, n)
	for i := range n {
		out = append(out, i)
	}
	return len(out)
}

func main() {
	fmt.Println(collect(3), collectSized(3), collect(100), collectSized(100))
}
