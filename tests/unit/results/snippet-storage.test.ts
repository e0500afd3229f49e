import { describe, expect, it } from 'vitest';
import {
  clearEdit,
  loadEdit,
  saveEdit,
  storageKey,
  STORAGE_VERSION,
} from '../../../src/client/snippet/storage.ts';

/** The Web Storage interface over a Map, as localStorage behaves in one tab. */
class MemoryStorage implements Storage {
  #m = new Map<string, string>();
  get length() {
    return this.#m.size;
  }
  clear() {
    this.#m.clear();
  }
  getItem(k: string) {
    return this.#m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.#m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.#m.delete(k);
  }
  setItem(k: string, v: string) {
    this.#m.set(k, String(v));
  }
}

const original = [{ name: 'main.go', content: 'package main\n\nfunc main() {}\n' }];
const edited = [{ name: 'main.go', content: 'package main\n\nfunc main() { println(1) }\n' }];

describe('snippet edit storage', () => {
  it('round-trips an edit under a key bound to the original code', () => {
    const s = new MemoryStorage();
    const key = storageKey('demo', original);
    saveEdit(s, key, edited, original);
    expect(loadEdit(s, key)?.files).toEqual(edited);
    expect(loadEdit(s, key)?.v).toBe(STORAGE_VERSION);
  });

  it('does not resurrect an edit once the chapter changes the original', () => {
    const s = new MemoryStorage();
    saveEdit(s, storageKey('demo', original), edited, original);
    const changed = [{ name: 'main.go', content: `${original[0]!.content}// revised\n` }];
    expect(storageKey('demo', changed)).not.toBe(storageKey('demo', original));
    expect(loadEdit(s, storageKey('demo', changed))).toBeUndefined();
    expect(storageKey('other', original)).not.toBe(storageKey('demo', original));
  });

  it('ignores other versions and garbage, and stores nothing for unchanged code', () => {
    const s = new MemoryStorage();
    const key = storageKey('demo', original);
    s.setItem(key, JSON.stringify({ v: STORAGE_VERSION + 1, files: edited, savedAt: 1 }));
    expect(loadEdit(s, key)).toBeUndefined();
    s.setItem(key, '{not json');
    expect(loadEdit(s, key)).toBeUndefined();
    saveEdit(s, key, original, original);
    expect(s.getItem(key)).toBeNull();
    saveEdit(s, key, edited, original);
    clearEdit(s, key);
    expect(s.length).toBe(0);
  });

  it('survives a storage that throws (quota, privacy modes)', () => {
    const throwing = new MemoryStorage();
    throwing.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => saveEdit(throwing, 'k', edited, original)).not.toThrow();
    expect(loadEdit(undefined, 'k')).toBeUndefined();
  });
});
