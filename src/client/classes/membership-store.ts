/**
 * The classes this browser joined, in localStorage: the learner token (made here, once per
 * class, so a reload or a second visit to the join page is the same learner), the name, the
 * "share my code" choice, the class's exercises and when each was first opened (time on an
 * exercise is measured from there). The last joined class is the active one.
 */
import { z } from 'zod';
import { LEARNER_TOKEN_PATTERN } from '@go-memory-lab/sandbox-api/protocol';

const KEY = 'gml-classes';

const MembershipSchema = z.object({
  classId: z.string(),
  className: z.string(),
  token: z.string().regex(LEARNER_TOKEN_PATTERN),
  learnerId: z.string().optional(),
  name: z.string(),
  shareCode: z.boolean(),
  exercises: z.array(z.string()),
  /** Exercise slug → epoch ms when the learner first opened it in this class. */
  opened: z.record(z.string(), z.number()),
});
export type Membership = z.infer<typeof MembershipSchema>;

const StoreSchema = z.object({
  v: z.literal(1),
  active: z.string().optional(),
  classes: z.record(z.string(), MembershipSchema),
});
type Store = z.infer<typeof StoreSchema>;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function read(): Store {
  try {
    const raw = storage()?.getItem(KEY);
    const parsed = StoreSchema.safeParse(raw ? JSON.parse(raw) : undefined);
    if (parsed.success) return parsed.data;
  } catch {
    // Corrupt JSON: start over rather than break the workshop.
  }
  return { v: 1, classes: {} };
}

function write(s: Store): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Quota or private mode: the class still works for this page view.
  }
}

/** 128 random bits, base64url: the browser's identity in one class. */
export function newLearnerToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function membership(classId: string): Membership | undefined {
  return read().classes[classId];
}

export function saveMembership(m: Membership, makeActive = true): void {
  const s = read();
  s.classes[m.classId] = m;
  if (makeActive) s.active = m.classId;
  write(s);
}

export function forgetMembership(classId: string): void {
  const s = read();
  delete s.classes[classId];
  if (s.active === classId) delete s.active;
  write(s);
}

/** The active class if it includes `slug`: the exercise page reports only then. */
export function activeMembershipFor(slug: string): Membership | undefined {
  const s = read();
  const m = s.active ? s.classes[s.active] : undefined;
  return m && m.exercises.includes(slug) ? m : undefined;
}

/** Records the first time `slug` was opened in the class; returns that time. */
export function noteOpened(m: Membership, slug: string, now = Date.now()): number {
  const at = m.opened[slug];
  if (at !== undefined) return at;
  const next = { ...m, opened: { ...m.opened, [slug]: now } };
  saveMembership(next, false);
  return now;
}
