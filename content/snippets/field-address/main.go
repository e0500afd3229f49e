package main

// The flag comes first, as the advice goes; the big array follows.
type state struct {
	flag bool
	big  [64]int
}

var current *bool

// publish stores the address of one field only.
func publish() int {
	var s state
	current = &s.flag
	return s.big[3]
}

// flagOnly copies the field into its own variable and publishes that instead.
func flagOnly() int {
	var s state
	f := s.flag
	current = &f
	return s.big[3]
}

func main() {
	_ = publish() + flagOnly()
}
