package main

import "fmt"

// apply only calls f: the function value does not escape.
func apply(f func(int) int, x int) int { return f(x) }

var hooks []func(int) int

// register stores f: now the function value leaks to the heap.
func register(f func(int) int) { hooks = append(hooks, f) }

func double(x int) int { return 2 * x }

func main() {
	fmt.Println(apply(double, 21))
	register(double)
}
