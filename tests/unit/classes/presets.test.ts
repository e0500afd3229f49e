import { describe, expect, it } from 'vitest';
import { loadExercises } from '../../../src/lib/exercises/load.ts';
import {
  CLASS_PRESETS,
  EXERCISE_SHARE,
  presetExercises,
  totalMinutes,
} from '../../../src/lib/classes/presets.ts';

/** The real exercises: presets must hold for the content as it is, not a made-up list. */
const all = loadExercises().map((e) => ({
  slug: e.slug,
  chapter: e.chapter,
  minutes: e.estimatedMinutes,
}));
const preset = (id: string) => CLASS_PRESETS.find((p) => p.id === id)!;

describe('class presets', () => {
  it('"2 hours: escape analysis + GC" has every chapter 2 and 4 exercise and fits the session', () => {
    const slugs = presetExercises(preset('escape-gc-2h'), all);
    for (const e of all.filter((x) => x.chapter === 2 || x.chapter === 4))
      expect(slugs).toContain(e.slug);
    expect(totalMinutes(slugs, all)).toBeLessThanOrEqual(120 * EXERCISE_SHARE);
    // Course order, so previous/next go forward through the chapters.
    expect(slugs).toEqual(all.map((e) => e.slug).filter((s) => slugs.includes(s)));
  });

  it('fills the spare time with other exercises in course order, skipping ones too long', () => {
    const tiny = [
      { slug: 'a', chapter: 1, minutes: 10 },
      { slug: 'b', chapter: 2, minutes: 20 },
      { slug: 'c', chapter: 3, minutes: 30 },
      { slug: 'd', chapter: 3, minutes: 5 },
    ];
    // Budget 45 (60 × 0.75): b (20) + a (10) = 30, c would make 60, d makes 35.
    expect(
      presetExercises({ id: 'x', label: 'class.preset.escape1h', minutes: 60, focus: [2] }, tiny),
    ).toEqual(['a', 'b', 'd']);
  });

  it('the whole workshop is every exercise', () => {
    expect(presetExercises(preset('full'), all)).toEqual(all.map((e) => e.slug));
  });
});
