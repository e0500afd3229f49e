package main

import "fmt"

type celsius float64

func (c celsius) String() string { return fmt.Sprint(float64(c), "°C") }

// describe calls String through the interface: the callee is unknown, so s leaks.
func describe(s fmt.Stringer) int { return len(s.String()) }

var seen []fmt.Stringer

// track stores the interface in a global: its dynamic value must be on the heap.
func track(s fmt.Stringer) { seen = append(seen, s) }

func main() {
	t := celsius(21.5)
	n := describe(t) // inlined, then devirtualized: the boxed copy stays on the stack
	track(t)         // kept forever: the boxed copy goes to the heap
	fmt.Println(n, len(seen))
}
