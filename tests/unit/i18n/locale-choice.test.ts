import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { chooseLocale } from '../../../src/i18n/locale-choice.ts';

const at = (path: string) => `https://lab.example${path}`;

describe('chooseLocale', () => {
  test('a first visit from a Chinese browser on an English page goes to the same Chinese page, anchor and query kept, and is remembered', () => {
    expect(
      chooseLocale(at('/learn/chapter-2/?x=1#closure-capture'), null, ['zh-CN', 'en']),
    ).toEqual({ store: 'zh', redirect: '/zh/learn/chapter-2/?x=1#closure-capture' });
  });

  test('a first visit from an English browser stays and remembers English', () => {
    expect(chooseLocale(at('/play/'), null, ['en-US', 'zh-CN'])).toEqual({ store: 'en' });
  });

  test('the first supported language decides; unsupported ones are skipped', () => {
    expect(chooseLocale(at('/'), null, ['fr-FR', 'zh-TW', 'en'])).toEqual({
      store: 'zh',
      redirect: '/zh/',
    });
    expect(chooseLocale(at('/'), null, ['fr-FR', 'de'])).toEqual({ store: 'en' });
  });

  test('after the first visit the remembered choice wins over the browser', () => {
    expect(chooseLocale(at('/glossary'), 'en', ['zh-CN'])).toEqual({});
    expect(chooseLocale(at('/glossary'), 'zh', ['en-US'])).toEqual({ redirect: '/zh/glossary' });
  });

  test('a link that says its language is honoured: /zh/ paths and ?lang=en never redirect', () => {
    expect(chooseLocale(at('/zh/learn/chapter-1/'), 'en', ['en-US'])).toEqual({});
    expect(chooseLocale(at('/play/?lang=en#1.abc'), 'zh', ['zh-CN'])).toEqual({});
  });

  test('it runs on its own: the serialised source has no outside references', () => {
    // BaseLayout inlines `chooseLocale.toString()`; rebuilt from source alone in a fresh
    // context that has only the browser's URL classes, it must still work.
    const rebuilt = runInNewContext(`(${chooseLocale.toString()})`, {
      URL,
      URLSearchParams,
    }) as typeof chooseLocale;
    expect(rebuilt(at('/learn/'), null, ['zh'])).toEqual({ store: 'zh', redirect: '/zh/learn/' });
  });
});
