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

func average(values []float64) float64 {
	sum := 0.0
	for _, v := range values {
		sum += v
	}
	return sum / float64(len(values))
}

func main() {
	r := Reading{Sensor: "t1", Value: 21.5} // want: stack
	kept := r
	remember(&kept)
	window := make([]float64, 0, 8) // want: stack
	for i := 0; i < 8; i++ {
		window = append(window, r.Value+float64(i))
	}
	w2 := append([]float64(nil), window...)
	reporters = append(reporters, func() float64 { return average(w2) })
	fmt.Printf("%s avg=%.2f latest=%.1f\n", kept.Sensor, reporters[0](), latest.Value)
}
