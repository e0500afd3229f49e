/**
 * One spelling of a JSON value: object keys sorted, undefined members dropped, no whitespace.
 * A signature over it survives any re-encoding that keeps the values (a client parsing the
 * response with zod and sending it back reorders keys).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
