package main

import "fmt"

func main() {
	fmt.Println("cached MiB:", 8, "served:", 100000)
}
