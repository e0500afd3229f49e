/**
 * Proof that a hidden check really ran. A program under `go test` shares stdout with the test
 * binary, so it can print test2json's framing and a result line for a hidden benchmark it never
 * lets run (from `init`, then `os.Exit(0)`). Each check therefore generates a Go file with a
 * fresh random key: every hidden benchmark calls its proof function after its assertions
 * (`gmlProve(b)` in the content, renamed per check), which reports a keyed hash of the
 * benchmark's name as the `gml-proof` metric, and the file's `TestMain` prints a keyed hash of
 * the exit code once the run is over. The checker
 * knows the key and recomputes both; a program would have to find the key or the randomly named
 * functions in its own binary at run time to forge them (docs/SECURITY.md, "Exercise goals").
 */
import type { SourceFile } from '@go-memory-lab/sandbox-api/protocol';

/** Four random 32-bit words; the hash key is their two halves xor-ed at run time. */
export type ProofKey = readonly [number, number, number, number];

/** The metric a hidden benchmark's result line carries its proof in. */
export const PROOF_METRIC = 'gml-proof';
/** The line `TestMain` prints after the run: `gml-done <proof> <exit code>`. */
export const DONE_LINE = /^gml-done (\d+) (-?\d+)$/gm;
/** The call the hidden checks make after their assertions; renamed per check. */
export const PROVE_CALL = 'gmlProve(b)';
/** Name of the generated file. */
export const PROOF_FILE = 'gml_proof_test.go';

/**
 * The key the start version's runs use: the start is the exercise's own code, so its runs need
 * no secret, and a fixed key keeps their requests identical across checks (the service answers
 * them from its cache).
 */
export const START_KEY: ProofKey = [1, 2, 3, 4];

export function newProofKey(): ProofKey {
  const w = crypto.getRandomValues(new Uint32Array(4));
  return [w[0]!, w[1]!, w[2]!, w[3]!];
}

const MASK = (1n << 64n) - 1n;

/** FNV-1a (64-bit) over `label`'s UTF-8 bytes, seeded with the key; 48 bits with the top set. */
export function proofOf(key: ProofKey, label: string): bigint {
  const k = ((BigInt(key[0]) << 32n) | BigInt(key[1])) ^ ((BigInt(key[2]) << 32n) | BigInt(key[3]));
  let h = k ^ 14695981039346656037n;
  for (const b of new TextEncoder().encode(label)) {
    h ^= BigInt(b);
    h = (h * 1099511628211n) & MASK;
  }
  // At least 2^47, so testing prints it as a whole number (%10.0f), exact in a float64.
  return (h >> 16n) | (1n << 47n);
}

/** What a hidden benchmark's proof must be. */
export const benchProof = (key: ProofKey, name: string) => proofOf(key, `bench|${name}`);

/**
 * What the done line's proof must be for an exit code. Each hidden benchmark proves itself, so
 * this line need only prove that the run reached its end and what its exit code was.
 */
export const doneProof = (key: ProofKey, code: number) => proofOf(key, `done|${code}`);

/** Identifiers that differ per key, so no fixed name in the binary reaches the proof. */
function names(key: ProofKey): { words: string; hash: string; prove: string } {
  const tag = (n: number, salt: number) => ((n ^ Math.imul(salt, 0x9e3779b1)) >>> 0).toString(36);
  return {
    words: `v${tag(key[0], 1)}${tag(key[2], 2)}`,
    hash: `h${tag(key[1], 3)}${tag(key[3], 4)}`,
    prove: `p${tag(key[2], 5)}${tag(key[0], 6)}`,
  };
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

function proofSource(key: ProofKey): string {
  const n = names(key);
  return `package main

// Generated for one check by the exercise checker (src/lib/exercises/proof.ts).

import (
	"os"
	"strconv"
	"testing"
)

var ${n.words} = [4]uint32{${key.map(hex).join(', ')}}

func ${n.hash}(s string) uint64 {
	h := (uint64(${n.words}[0])<<32 | uint64(${n.words}[1])) ^ (uint64(${n.words}[2])<<32 | uint64(${n.words}[3]))
	h ^= 14695981039346656037
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h>>16 | 1<<47
}

func ${n.prove}(b *testing.B) {
	b.ReportMetric(float64(${n.hash}("bench|"+b.Name())), "${PROOF_METRIC}")
}

func TestMain(m *testing.M) {
	code := m.Run()
	done := ${n.hash}("done|" + strconv.Itoa(code))
	os.Stdout.WriteString("gml-done " + strconv.FormatUint(done, 10) + " " + strconv.Itoa(code) + "\\n")
	os.Exit(code)
}
`;
}

/**
 * The hidden files for one run: the checks with their proof call renamed for this key, and the
 * generated proof file. No checks, no proof file (nothing runs under go test).
 */
export function provedChecks(checks: readonly SourceFile[], key: ProofKey): SourceFile[] {
  if (checks.length === 0) return [];
  const call = `${names(key).prove}(b)`;
  return [
    ...checks.map((f) => ({ name: f.name, content: f.content.replaceAll(PROVE_CALL, call) })),
    { name: PROOF_FILE, content: proofSource(key) },
  ];
}
