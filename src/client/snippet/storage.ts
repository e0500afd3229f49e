/**
 * Per-snippet saved edits. The key carries a hash of the ORIGINAL files, so when a chapter's
 * snippet changes, edits made against the old version are not resurrected onto the new one.
 */
import { hashFiles } from '../../lib/hash.ts';

export { hashString } from '../../lib/hash.ts';

export const STORAGE_VERSION = 1;

export interface StoredFile {
  name: string;
  content: string;
}

export interface StoredEdit {
  v: typeof STORAGE_VERSION;
  files: StoredFile[];
  savedAt: number;
}

export function storageKey(id: string, original: readonly StoredFile[]): string {
  return `gml-snippet:v${STORAGE_VERSION}:${id}:${hashFiles(original)}`;
}

function isStoredEdit(x: unknown): x is StoredEdit {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (
    o['v'] === STORAGE_VERSION &&
    Array.isArray(o['files']) &&
    o['files'].every(
      (f: unknown) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as StoredFile).name === 'string' &&
        typeof (f as StoredFile).content === 'string',
    )
  );
}

/** The saved edit, or undefined when there is none, it is unreadable, or of another version. */
export function loadEdit(storage: Storage | undefined, key: string): StoredEdit | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    return isStoredEdit(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Saves, or clears when the files equal the original (no point keeping an unchanged copy). */
export function saveEdit(
  storage: Storage | undefined,
  key: string,
  files: readonly StoredFile[],
  original: readonly StoredFile[],
): void {
  try {
    const same =
      files.length === original.length &&
      files.every((f, i) => f.name === original[i]?.name && f.content === original[i]?.content);
    if (same) storage?.removeItem(key);
    else
      storage?.setItem(
        key,
        JSON.stringify({
          v: STORAGE_VERSION,
          files: [...files],
          savedAt: Date.now(),
        } satisfies StoredEdit),
      );
  } catch {
    // Private mode or a full quota: the edit lives on in the editor, just not across reloads.
  }
}

export function clearEdit(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // see saveEdit
  }
}

/** localStorage, or undefined where touching it throws (sandboxed iframes, some privacy modes). */
export function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
