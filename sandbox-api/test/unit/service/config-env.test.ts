import { afterEach, expect, test } from 'vitest';
import { defaultConfig } from '../../../src/config.ts';

afterEach(() => {
  delete process.env['GML_READY_SANDBOXES'];
});

test('GML_READY_SANDBOXES: 0 turns the compile pool off, as documented; nonsense stops the start', () => {
  expect(defaultConfig().readySandboxes).toBe(2);
  process.env['GML_READY_SANDBOXES'] = '0';
  expect(defaultConfig().readySandboxes).toBe(0);
  process.env['GML_READY_SANDBOXES'] = '5';
  expect(defaultConfig().readySandboxes).toBe(5);
  for (const bad of ['-1', '1.5', 'two']) {
    process.env['GML_READY_SANDBOXES'] = bad;
    expect(() => defaultConfig()).toThrow(/GML_READY_SANDBOXES must be an integer of at least 0/);
  }
});
