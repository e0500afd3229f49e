/**
 * The class client's own failures (no answer, a proxy's page, a body the contract refuses, no
 * body) read in the page's language; an API error keeps its code and the service's phrase for
 * apiErrorText to render.
 */
import { describe, expect, test } from 'vitest';
import { classApi } from '../../../src/lib/classes/class-api.ts';
import { apiErrorText } from '../../../src/i18n/api-error.ts';

const answer =
  (body: string, status: number): typeof fetch =>
  () =>
    Promise.resolve(new Response(body === '' ? null : body, { status }));
const failure = async (p: ReturnType<typeof classApi.info>) => {
  const out = await p;
  if (out.ok) throw new Error('expected a failure');
  return out.error;
};

describe('class API failures on a Chinese page', () => {
  const zh = { locale: 'zh' } as const;

  test('no answer at all: the class service is unreachable, in Chinese', async () => {
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const e = await failure(classApi.info('abc', { ...zh, fetch: down }));
    expect(e).toEqual({ status: 0, message: '暂时无法连接课堂服务。请刷新页面重试。' });
  });

  test("a proxy's HTML page: the status in words, not 'HTTP 502'", async () => {
    const e = await failure(
      classApi.info('abc', { ...zh, fetch: answer('<html>Bad Gateway</html>', 502) }),
    );
    expect(e).toEqual({ status: 502, message: '沙箱在代理之后没有应答。' });
    const odd = await failure(classApi.info('abc', { ...zh, fetch: answer('{}', 418) }));
    expect(odd.message).toBe('沙箱返回了 HTTP 418。');
  });

  test('a 200 the contract refuses, and a 204 where a body is needed', async () => {
    const bad = await failure(classApi.info('abc', { ...zh, fetch: answer('{"x":1}', 200) }));
    expect(bad.message).toMatch(/^沙箱返回的内容格式不符：/);
    const empty = await failure(classApi.info('abc', { ...zh, fetch: answer('', 204) }));
    expect(empty.message).toBe('沙箱返回了空内容。');
  });

  test('an API error keeps its code; the catalogue renders it in the page language', async () => {
    const body = JSON.stringify({ code: 'class_full', message: 'this class is full' });
    const e = await failure(classApi.info('abc', { ...zh, fetch: answer(body, 409) }));
    expect(e).toEqual({ status: 409, code: 'class_full', message: 'this class is full' });
    expect(apiErrorText('en', e)).toBe('this class is full');
  });

  test('without a page (Node) the words are English', async () => {
    const e = await failure(classApi.info('abc', { fetch: answer('oops', 503) }));
    expect(e.message).toBe('The sandbox is unavailable right now.');
  });
});
