package main

import "testing"

func BenchmarkStatus(b *testing.B) {
	for b.Loop() {
		if status("GET /index.html 200 512") != "200" {
			b.Fatal("wrong status")
		}
	}
}
