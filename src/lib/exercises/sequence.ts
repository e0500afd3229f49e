/**
 * Instructor sequences: `/workshop/?seq=slug1,slug3` shows only those exercises, in that order,
 * and each exercise's previous/next follow the sequence.
 */

export interface Sequence {
  slugs: string[];
  /** Slugs in the link that no exercise has (typos, removed exercises), reported to the user. */
  unknown: string[];
}

/** Reads `seq` from a query string; undefined when there is none. Duplicates keep their first place. */
export function parseSequence(search: string, known: readonly string[]): Sequence | undefined {
  const raw = new URLSearchParams(search).get('seq');
  if (raw === null || raw.trim() === '') return undefined;
  const slugs: string[] = [];
  const unknown: string[] = [];
  for (const s of raw
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (!known.includes(s)) unknown.push(s);
    else if (!slugs.includes(s)) slugs.push(s);
  }
  return { slugs, unknown };
}

/** `?seq=a,b,c` (commas left readable). */
export function sequenceQuery(slugs: readonly string[]): string {
  return slugs.length === 0 ? '' : `?seq=${slugs.map(encodeURIComponent).join(',')}`;
}

export interface Neighbours {
  prev?: string;
  next?: string;
  /** 1-based position, and the length of the list it is in. */
  position?: { index: number; of: number };
}

/** Previous and next within an ordered list of slugs. */
export function neighbours(order: readonly string[], slug: string): Neighbours {
  const i = order.indexOf(slug);
  if (i < 0) return {};
  const prev = order[i - 1];
  const next = order[i + 1];
  return {
    ...(prev ? { prev } : {}),
    ...(next ? { next } : {}),
    position: { index: i + 1, of: order.length },
  };
}

/** Link to an exercise that keeps the sequence. */
export function exerciseHref(slug: string, seq: readonly string[] | undefined): string {
  return `/workshop/${slug}/${seq ? sequenceQuery(seq) : ''}`;
}
