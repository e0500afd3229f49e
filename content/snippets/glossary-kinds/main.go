package main

import "fmt"

var names []string

// firstName keeps p's string data (what p points to), never p itself.
func firstName(p *[]string) { names = append(names, (*p)[0]) }

// count converts a string to []byte only to read it: no copy is made.
func count(s string) int {
	n := 0
	for _, c := range []byte(s) {
		if c == 'a' {
			n++
		}
	}
	return n
}

// sum indexes a fixed-size array with a masked index: the bounds check is dropped.
func sum(a *[8]int, i int) int { return a[i&7] }

func main() {
	list := []string{"ada", "bob"}
	firstName(&list)
	var a [8]int
	fmt.Println(count("banana"), sum(&a, 9), names)
}
