package main

import "fmt"

var hooks []func() int

// register keeps a callback that reports the final count.
func register() {
	count := 0
	hooks = append(hooks, func() int { return count })
	for i := 0; i < 10; i++ {
		count += i
	}
}

func main() { // want: stack
	register()
	fmt.Println("hook says:", hooks[0]())
}
