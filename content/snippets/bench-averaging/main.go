package main

import "fmt"

var sink *int

// everyOther heap-allocates on every second call only.
func everyOther(i int) {
	if i%2 == 0 {
		sink = new(int)
	}
}

func main() {
	for i := range 4 {
		everyOther(i)
	}
	fmt.Println(*sink)
}
