/**
 * The median of run-to-run figures (GC cycle counts, allocs/op): claims about quantities that
 * vary per run compare a median over several runs, never one sample.
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
