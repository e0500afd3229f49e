/**
 * The other runtime trace lines: gcpacertrace `pacer:` (`$GOROOT/src/runtime/mgcpacer.go`) and
 * scavtrace `scav` (`runtime/mgcscavenge.go`). They are returned verbatim; these parsers exist for callers that want fields.
 */

// Go 1.26 prints floats as `0.25` or `3.7e-05`; Go <= 1.25 printed `+2.500000e-001`.
const FLOAT = String.raw`([-+]?(?:\d+\.?\d*(?:e[-+]?\d+)?|NaN|[-+]?Inf))`;

export type PacerLine =
  | {
      type: 'start';
      assistRatio: number;
      scanMB: number;
      heapMB: number;
      goalMB: number;
      dedicatedWorkers: number;
      fractionalGoal: number;
    }
  | {
      type: 'end';
      cpuPercent: number;
      expectedPercent: number;
      workBytes: { heap: number; stack: number; globals: number };
      expectedWorkBytes: number;
      triggerBytes: number;
      liveBytes: number;
      goalDeltaBytes: number;
      consMark: number;
    }
  | {
      type: 'sweep';
      heapMB: number;
      allocatedMB: number;
      pagesSwept: number;
      pagesPerByte: number;
    };

const START = new RegExp(
  String.raw`^pacer: assist ratio=${FLOAT} \(scan (\d+) MB in (\d+)->(\d+) MB\) workers=(\d+)\+${FLOAT}$`,
);
const END = new RegExp(
  String.raw`^pacer: (\d+)% CPU \((\d+) exp\.\) for (\d+)\+(\d+)\+(\d+) B work \((\d+) B exp\.\) ` +
    String.raw`in (\d+) B -> (\d+) B \(∆goal (-?\d+), cons/mark ${FLOAT}\)$`,
);
const SWEEP = new RegExp(
  String.raw`^pacer: sweep done at heap size (\d+)MB; allocated (\d+)MB during sweep; swept (\d+) pages at ${FLOAT} pages/byte$`,
);
const SCAV =
  /^scav (\d+) KiB work \(bg\), (\d+) KiB work \(eager\), (\d+) KiB now, (\d+)% util(?: \((forced)\)| \[(controller reset)\])?$/;

export function parsePacerLine(line: string): PacerLine | undefined {
  let m = START.exec(line);
  if (m) {
    const [r, scan, heap, goal, ded, frac] = m.slice(1).map(Number);
    return {
      type: 'start',
      assistRatio: r!,
      scanMB: scan!,
      heapMB: heap!,
      goalMB: goal!,
      dedicatedWorkers: ded!,
      fractionalGoal: frac!,
    };
  }
  m = END.exec(line);
  if (m) {
    const v = m.slice(1).map(Number);
    return {
      type: 'end',
      cpuPercent: v[0]!,
      expectedPercent: v[1]!,
      workBytes: { heap: v[2]!, stack: v[3]!, globals: v[4]! },
      expectedWorkBytes: v[5]!,
      triggerBytes: v[6]!,
      liveBytes: v[7]!,
      goalDeltaBytes: v[8]!,
      consMark: v[9]!,
    };
  }
  m = SWEEP.exec(line);
  if (m) {
    const v = m.slice(1).map(Number);
    return {
      type: 'sweep',
      heapMB: v[0]!,
      allocatedMB: v[1]!,
      pagesSwept: v[2]!,
      pagesPerByte: v[3]!,
    };
  }
  return undefined;
}

export interface ScavLine {
  bgKiB: number;
  eagerKiB: number;
  nowKiB: number;
  utilPercent: number;
  forced: boolean;
  controllerReset: boolean;
}

/** Parses a scavtrace line (Go >= 1.20 shape with the bg/eager split). */
export function parseScavLine(line: string): ScavLine | undefined {
  const m = SCAV.exec(line);
  if (!m) return undefined;
  return {
    bgKiB: Number(m[1]),
    eagerKiB: Number(m[2]),
    nowKiB: Number(m[3]),
    utilPercent: Number(m[4]),
    forced: m[5] !== undefined,
    controllerReset: m[6] !== undefined,
  };
}
