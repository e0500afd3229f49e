package main

import "fmt"

type Reading struct {
	Sensor string
	Value  float64
}

// reporters are polled later by a status page.
var reporters []func() float64

var latest *Reading

// remember keeps the newest reading for a status page.
func remember(p *Reading) {
	latest = p
}

func average(values []float64) float64 { // want: stack
	sum := 0.0
	for _, v := range values {
		sum += v
	}
	return sum / float64(len(values))
}

func main() { // want: stack
	r := Reading{Sensor: "t1", Value: 21.5}
	remember(&r)
	window := make([]float64, 0, 8)
	for i := 0; i < 8; i++ {
		window = append(window, r.Value+float64(i))
	}
	reporters = append(reporters, func() float64 { return average(window) })
	fmt.Printf("%s avg=%.2f latest=%.1f\n", r.Sensor, reporters[0](), latest.Value)
}
