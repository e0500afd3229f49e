package main

import "fmt"

var hooks []func() int

// register keeps a callback that reports the final count.
func register() {
	count := 0 // want: stack
	for i := 0; i < 10; i++ {
		count += i
	}
	final := 0
	hooks = append(hooks, func() int { return final })
	final = count
}

func main() {
	register()
	fmt.Println("hook says:", hooks[0]())
}
