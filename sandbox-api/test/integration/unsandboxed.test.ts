import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/service.ts';
import { analyze, mainGo, startService } from './harness.ts';

/** The laptop fallback: no bubblewrap. It must still work, and say loudly that it is unsafe. */
describe('unsandboxed fallback', () => {
  let service: Service;
  const logged: string[] = [];
  beforeAll(async () => {
    service = await startService({ forceUnsandboxed: true, log: (l) => logged.push(l) });
  });
  afterAll(async () => {
    await service.close();
  });

  it('reports mode none with a note, in health and in the log', () => {
    expect(service.sandboxKind).toBe('none');
    expect(service.health().sandbox).toMatchObject({ mode: 'none', cgroups: false });
    expect(service.health().sandbox.note).toMatch(/unisolated/);
    expect(logged.some((l) => l.startsWith('WARNING: running UNSANDBOXED'))).toBe(true);
  });

  it('still compiles and runs, with no host path in the result', async () => {
    const src =
      'package main\n\nfunc f() *int { x := 1; return &x }\n\nfunc main() { println(*f()) }\n// unsandboxed\n';
    const r = await analyze(service, mainGo(src, { mode: 'run', inline: false }));
    expect(r.ok).toBe(true);
    expect(
      r.decisions.some(
        (d) => d.kind === 'moved-to-heap' && d.subject === 'x' && d.file === 'main.go',
      ),
    ).toBe(true);
    expect(r.run?.stderr.text).toBe('1\n');
    expect(JSON.stringify(r)).not.toContain(service.config.stateDir);
  });
});
