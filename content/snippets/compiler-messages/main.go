package main

import "fmt"

type T struct{ x int }

func (t T) M() int { return t.x }

type I interface{ M() int }

var global *T

func newT() *T      { return &T{1} } // &T{...} escapes: it is returned
func keep(p *T)     { global = p }   // leaking param: p
func first(p *T) *T { return p }     // leaking param: p to result ~r0 level=0
func load(pp **T) T { return **pp }  // pp does not escape
func fill(s *[]int) { s2 = *s }      // leaking param content: s
func sum(n int) int { return len(make([]int, 8)) + n }

var (
	s2   []int
	hook func() int
)

func main() {
	local := T{2} // moved to heap: local (keep stores &local)
	keep(&local)
	var i I = T{3}                 // T{...} does not escape
	n := i.M() + sum(1)            // devirtualizing i.M to T; -m=2: capturing n
	hook = func() int { return n } // func literal escapes to heap
	p := first(newT())             // inlined copy: &T{...} does not escape
	fmt.Println(hook(), load(&p))  // both results are boxed for Println
	fill(&s2)
}
