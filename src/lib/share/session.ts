/**
 * The playground's last session in localStorage, so /play/ opened with no link picks up where the
 * reader left off. Versioned and validated with the wire contract's PlaygroundStateSchema:
 * anything unreadable (another version, a damaged value, blocked storage) is ignored, never an
 * error on the page.
 */
import { z } from 'zod';
import { PlaygroundStateSchema, type PlaygroundState } from '@go-memory-lab/sandbox-api/protocol';

export const SESSION_KEY = 'gml-playground-session';

const SessionSchema = z.object({
  v: z.literal(1),
  /** Epoch milliseconds of the save. */
  savedAt: z.number(),
  state: PlaygroundStateSchema,
});
export type StoredSession = z.infer<typeof SessionSchema>;

/** The saved state, or undefined when there is none or it cannot be trusted. */
export function loadSession(
  storage: Pick<Storage, 'getItem'> | undefined,
): PlaygroundState | undefined {
  try {
    const raw = storage?.getItem(SESSION_KEY);
    if (!raw) return undefined;
    const parsed = SessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.state : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(
  storage: Pick<Storage, 'setItem'> | undefined,
  state: PlaygroundState,
  now: number = Date.now(),
): void {
  // A state mid-edit (say, a file name being typed) may not validate: keep the last good one.
  const checked = PlaygroundStateSchema.safeParse(state);
  if (!checked.success) return;
  try {
    storage?.setItem(
      SESSION_KEY,
      JSON.stringify({ v: 1, savedAt: now, state: checked.data } satisfies StoredSession),
    );
  } catch {
    // Private mode or a full quota: the session then lasts as long as the tab.
  }
}

export function clearSession(storage: Pick<Storage, 'removeItem'> | undefined): void {
  try {
    storage?.removeItem(SESSION_KEY);
  } catch {
    // see saveSession
  }
}
