package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strings"
)

var big [][]byte

// rss reads the resident set size the kernel reports, when /proc is there.
func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unavailable"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unavailable"
}

func main() {
	s := []metrics.Sample{{Name: "/memory/classes/heap/released:bytes"}}
	for range 64 {
		big = append(big, make([]byte, 1<<20))
	}
	for _, b := range big {
		for i := range b { // touch every page so it is really resident
			b[i] = 1
		}
	}
	fmt.Println("64 MiB in use, RSS", rss())
	big = nil
	debug.FreeOSMemory()
	metrics.Read(s)
	fmt.Printf("after FreeOSMemory: released %d MiB, RSS %s\n", s[0].Value.Uint64()>>20, rss())
}
