/** True as soon as `cond()` holds, polling every 25 ms; false if it still fails after `withinMs`. */
export async function waitFor(cond: () => boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return cond();
}
