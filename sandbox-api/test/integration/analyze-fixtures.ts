/** What several analyze tests share: a decision lookup and the `return &t` program. */
import type { AnalyzeResponse } from '../../src/protocol.ts';

export const find = (r: AnalyzeResponse, kind: string, subject: string) =>
  r.decisions.filter((d) => d.kind === kind && d.subject === subject);

export const RETURN_ADDR = `package main

type T struct{ a, b int }

func newT() *T {
	t := T{1, 2}
	return &t
}

func main() {
	p := newT()
	println(p.a)
}
`;
