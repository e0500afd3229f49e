import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../../src/cache-key.ts';
import { AnalyzeRequestSchema } from '../../../src/protocol.ts';

const base = { files: [{ name: 'main.go', content: 'package main\n' }] };
const key = (r: object, toolchain = 'go1.26.8') => {
  const req = AnalyzeRequestSchema.parse({ ...base, ...r });
  return cacheKey(req, req.files ?? [], toolchain);
};

describe('cacheKey', () => {
  it('is stable and ignores env key order', () => {
    expect(key({ env: { GOGC: '50', GOMAXPROCS: '1' } })).toBe(
      key({ env: { GOMAXPROCS: '1', GOGC: '50' } }),
    );
    expect(key({})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with every input that changes the result', () => {
    const keys = [
      key({}),
      key({}, 'go1.27.3'),
      key({ mode: 'run' }),
      key({ escapeDetail: 1 }),
      key({ inline: false }),
      key({ env: { GOGC: 'off' } }),
      key({ env: { GOEXPERIMENT: 'nogreenteagc' } }),
      key({ files: [{ name: 'main.go', content: 'package main\n// x\n' }] }),
      key({ files: [{ name: 'other.go', content: 'package main\n' }] }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('treats defaults and explicit defaults alike', () => {
    expect(key({})).toBe(key({ mode: 'build', escapeDetail: 2, inline: true, env: {} }));
  });
});

describe('GOEXPERIMENT in a request', () => {
  it('accepts only the allowlisted experiments', () => {
    const parse = (GOEXPERIMENT: string) =>
      AnalyzeRequestSchema.safeParse({ ...base, env: { GOEXPERIMENT } });
    expect(parse('nogreenteagc').success).toBe(true);
    for (const bad of ['fieldtrack', 'greenteagc,fieldtrack', 'nogreenteagc ', '']) {
      const r = parse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toContain('GOEXPERIMENT may only be nogreenteagc');
    }
  });
});
