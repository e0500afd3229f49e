/**
 * What an empty playground holds: shown on first visit and whenever a link cannot be opened,
 * so a broken link still leaves something runnable on screen.
 */
import type { PlaygroundState, Variant } from '@go-memory-lab/sandbox-api/protocol';

export const DEFAULT_MAIN_GO = `package main

import "fmt"

type point struct{ x, y int }

// newPoint returns a pointer to a local: the compiler must move p to the heap.
func newPoint(x, y int) *point {
	p := point{x, y}
	return &p
}

// sum keeps its point on the stack: nothing outlives the call.
func sum(x, y int) int {
	p := point{x, y}
	return p.x + p.y
}

func main() {
	fmt.Println(newPoint(1, 2), sum(3, 4))
}
`;

/** A fresh default variant; callers may mutate the copy they get. */
export function defaultVariant(): Variant {
  return {
    files: [{ name: 'main.go', content: DEFAULT_MAIN_GO }],
    mode: 'build',
    escapeDetail: 2,
    inline: true,
    env: {},
  };
}

export function defaultState(): PlaygroundState {
  return { v: 1, a: defaultVariant() };
}
