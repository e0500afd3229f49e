/** Content hashes for stamping what the browser stores with the code it was made from. */

/** cyrb53: a fast 53-bit string hash; collisions only cost a lost edit, not a wrong one. */
export function hashString(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** One hash over every file's name and content, in order (NUL cannot occur in Go source). */
export function hashFiles(files: readonly { name: string; content: string }[]): string {
  return hashString(files.map((f) => `${f.name}\n${f.content}`).join('\u0000'));
}
