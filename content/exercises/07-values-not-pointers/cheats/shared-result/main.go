package main

import "fmt"

type Item struct {
	ID    int
	Price int
}

// load builds n items. Each &Item{...} is its own heap object for the GC to track.
var loaded = map[int][]*Item{}

func load(n int) []*Item {
	if items, ok := loaded[n]; ok {
		return items // built once, shared by every caller
	}
	items := make([]*Item, 0, n)
	for i := 0; i < n; i++ {
		items = append(items, &Item{ID: i, Price: i * 3})
	}
	loaded[n] = items
	return items
}

func total(items []*Item) int {
	sum := 0
	for _, it := range items {
		sum += it.Price
	}
	return sum
}

func main() {
	fmt.Println("total:", total(load(1000)))
}
