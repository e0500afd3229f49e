package main

// The benchmarks live in main_test.go: run them in bench mode.
func main() {}
