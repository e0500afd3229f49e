import { describe, expect, test } from 'vitest';
import {
  parseGcLine,
  parsePacerLine,
  parseRuntimeStderr,
  parseScavLine,
} from '../../../src/parse/index.ts';
import { readFixture } from './fixtures.ts';

const trace = readFixture('reference', 'godebug_trace_go1.26.11.txt');
const lines = trace.split('\n');
const gcLine = (n: number) => lines.find((l) => l.startsWith(`gc ${n} `))!;

describe('gctrace lines', () => {
  test('heap at start, at end and live are read in that order (gc 4: 10->11->5 MB)', () => {
    // A line whose three heap figures all differ, so a swapped field cannot pass.
    expect(parseGcLine(gcLine(4))).toMatchObject({
      n: 4,
      heapMB: { start: 10, end: 11, live: 5 },
      goalMB: 12,
      clockMs: { sweepTermination: 0.041, mark: 0.55, markTermination: 0.033 },
      cpuMs: { sweepTermination: 0.083, assist: 0.07, background: 0.34, idle: 0.095 },
    });
  });

  test('gc 11 of the reference trace is a forced cycle', () => {
    const c = parseGcLine(gcLine(11));
    expect(c).toMatchObject({
      n: 11,
      atSeconds: 0.031,
      cpuPercent: 7,
      clockMs: { sweepTermination: 0.036, mark: 0.44, markTermination: 0.003 },
      cpuMs: {
        sweepTermination: 0.073,
        assist: 0,
        background: 0.062,
        idle: 0.39,
        markTermination: 0.006,
      },
      heapMB: { start: 10, end: 10, live: 5 },
      goalMB: 13,
      stacksMB: 0,
      globalsMB: 0,
      procs: 2,
      forced: true,
      leakCheck: false,
    });
    expect(parseGcLine(gcLine(10))?.forced).toBe(false);
  });

  test('the goroutine-leak variant sits between % and :', () => {
    const line = gcLine(3).replace('%: ', '% (checking for goroutine leaks): ');
    expect(parseGcLine(line)).toMatchObject({ n: 3, leakCheck: true, forced: false });
  });

  test('pre-1.18 lines without stacks and globals still parse', () => {
    const old = gcLine(1).replace(', 0 MB stacks, 0 MB globals', '');
    expect(parseGcLine(old)).toMatchObject({ n: 1, stacksMB: 0, globalsMB: 0, procs: 2 });
  });

  test('a whole-millisecond field (>= 10 ms prints no decimals) parses', () => {
    expect(parseGcLine(gcLine(1).replace(/\+[\d.]+\+/, '+44+'))?.clockMs.mark).toBe(44);
  });
});

describe('parseRuntimeStderr', () => {
  const { gc, programStderr } = parseRuntimeStderr(trace);

  test('every gc, pacer and scav line is taken, the rest left in order', () => {
    expect(gc.cycles.map((c) => c.n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(gc.pacer).toEqual(lines.filter((l) => l.startsWith('pacer: ')));
    expect(gc.scavenger).toEqual(lines.filter((l) => l.startsWith('scav ')));
    // inittrace lines are not GC lines: they stay with the program's output.
    expect(programStderr.split('\n').filter((l) => l !== '')).toEqual(
      lines.filter((l) => l.startsWith('init ')),
    );
  });

  test('summary: cycles, forced, pauses, peak heap, last CPU share', () => {
    const pauses = gc.cycles.map((c) => c.clockMs.sweepTermination + c.clockMs.markTermination);
    expect(gc.summary.cycles).toBe(12);
    expect(gc.summary.forcedCycles).toBe(2);
    expect(gc.summary.totalPauseMs).toBeCloseTo(
      pauses.reduce((a, b) => a + b, 0),
      9,
    );
    expect(gc.summary.maxPauseMs).toBeCloseTo(Math.max(...pauses), 9);
    expect(gc.summary.peakHeapMB).toBe(11);
    expect(gc.summary.gcCpuPercent).toBe(7);
  });

  test("the program's own lines survive interleaved with trace lines", () => {
    const r = parseRuntimeStderr(readFixture('gctrace', 'stderr.txt'));
    expect(r.programStderr).toBe('program: allocation loop done\n');
    expect(r.gc.summary.forcedCycles).toBe(2);
    expect(r.gc.scavenger.at(-1)).toMatch(/\(forced\)$/);
  });

  test('gctrace=2 scan statistics after a gc line are dropped, a program `scan:` line is not', () => {
    const r = parseRuntimeStderr(readFixture('reference', 'gctrace2_go1.26.11.txt'));
    expect(r.gc.cycles).toHaveLength(2);
    expect(r.programStderr).toBe('');
    const mine = parseRuntimeStderr('scan: my own output\n' + gcLine(1) + '\nscan: total 1 objs\n');
    expect(mine.programStderr).toBe('scan: my own output\n');
  });

  test('a runtime line after an unfinished program line is split off and the line rejoined', () => {
    const r = parseRuntimeStderr(`progress: 50%${gcLine(4)}\n done\nmy pacer: fine\n`);
    expect(r.gc.cycles.map((c) => c.n)).toEqual([4]);
    expect(r.programStderr).toBe('progress: 50% done\nmy pacer: fine\n');
    const tail = parseRuntimeStderr(`no newline at all${gcLine(5)}`);
    expect(tail.programStderr).toBe('no newline at all');
    expect(tail.gc.cycles).toHaveLength(1);
  });

  test('a `GC forced` line is removed; its gc line is not counted as forced', () => {
    const r = parseRuntimeStderr(`hello\nGC forced\n${gcLine(2)}\n`);
    expect(r.programStderr).toBe('hello\n');
    expect(r.gc.summary.forcedCycles).toBe(0);
    expect(r.gc.summary.cycles).toBe(1);
  });

  test('CRLF and empty input', () => {
    const crlf = parseRuntimeStderr(trace.replace(/\n/g, '\r\n'));
    expect(crlf.gc.summary).toEqual(gc.summary);
    expect(crlf.gc.pacer).toEqual(gc.pacer);
    const empty = parseRuntimeStderr('');
    expect(empty.programStderr).toBe('');
    expect(empty.gc.summary).toEqual({
      cycles: 0,
      forcedCycles: 0,
      totalPauseMs: 0,
      maxPauseMs: 0,
      peakHeapMB: 0,
      gcCpuPercent: 0,
    });
  });
});

describe('pacer and scav lines', () => {
  const pacer = lines.filter((l) => l.startsWith('pacer: '));

  test('all three pacer shapes of the reference trace parse', () => {
    const kinds = pacer.map((l) => parsePacerLine(l)?.type);
    expect(kinds).not.toContain(undefined);
    expect(new Set(kinds)).toEqual(new Set(['start', 'end', 'sweep']));
    expect(parsePacerLine(pacer[1]!)).toMatchObject({
      type: 'end',
      cpuPercent: 35,
      workBytes: { heap: 312256, stack: 2096, globals: 153578 },
      goalDeltaBytes: 106496,
      consMark: 0,
    });
  });

  test('Go <= 1.25 float formatting (+2.500000e-001) is accepted', () => {
    const old = 'pacer: assist ratio=+8.521506e-001 (scan 0 MB in 3->4 MB) workers=0+2.500000e-001';
    expect(parsePacerLine(old)).toMatchObject({ type: 'start', fractionalGoal: 0.25, heapMB: 3 });
    expect(parsePacerLine(old)?.type === 'start' && parsePacerLine(old)).toMatchObject({
      assistRatio: 0.8521506,
    });
    expect(parseRuntimeStderr(old + '\n').gc.pacer).toEqual([old]);
  });

  test('scav lines, forced and not; the Go 1.19 shape is still routed to the scavenger', () => {
    const scav = lines.filter((l) => l.startsWith('scav '));
    expect(parseScavLine(scav[0]!)).toMatchObject({ bgKiB: 0, eagerKiB: 0, forced: false });
    expect(parseScavLine(scav.at(-1)!)).toMatchObject({
      eagerKiB: 9168,
      nowKiB: 15496,
      forced: true,
    });
    const old = 'scav 0 KiB work, 3376 KiB total, 81% util';
    expect(parseRuntimeStderr(old).gc.scavenger).toEqual([old]);
  });
});

describe('a trace line cut short by the program exiting', () => {
  // Captured from go1.26.8 (content/snippets/finalizer-keeps-fields before it stopped the world
  // on exit): main returned while the collector's worker was still writing cycle 1's line.
  const cut = 'gc 1 @0.000s 13%: 0.17+0.13+0.006 ms clock, 0.35';

  test('is kept out of the program stderr and the cycles, and reported verbatim', () => {
    const { gc, programStderr } = parseRuntimeStderr(`panic-free program said hi\n${cut}`);
    expect(gc.cycles).toEqual([]);
    expect(gc.cutShort).toBe(cut);
    expect(programStderr).toBe('panic-free program said hi');
  });

  test('a complete stderr has no cut line, and a program line is never taken for one', () => {
    expect(parseRuntimeStderr(`${lines[0]}\n`).gc.cutShort).toBeUndefined();
    const own = parseRuntimeStderr('gc is my word for it');
    expect(own.gc.cutShort).toBeUndefined();
    expect(own.programStderr).toBe('gc is my word for it');
  });
});
