/** Benchmark deltas between two runs, matched by name (the -N GOMAXPROCS suffix ignored). */
import type { BenchLine } from '@go-memory-lab/sandbox-api/protocol';
import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

export interface BenchDelta {
  name: string;
  metric: 'ns/op' | 'B/op' | 'allocs/op';
  a: number;
  b: number;
  /** (b - a) / a in percent; undefined when a is 0 (a change from nothing has no ratio). */
  percent: number | undefined;
}

function metrics(l: BenchLine): Array<[BenchDelta['metric'], number | undefined]> {
  return [
    ['ns/op', l.nsPerOp],
    ['B/op', l.bytesPerOp],
    ['allocs/op', l.allocsPerOp],
  ];
}

export function benchDeltas(a: readonly BenchLine[], b: readonly BenchLine[]): BenchDelta[] {
  const out: BenchDelta[] = [];
  for (const la of a) {
    const lb = b.find((x) => x.name === la.name);
    if (!lb) continue;
    const mb = new Map(metrics(lb));
    for (const [metric, va] of metrics(la)) {
      const vb = mb.get(metric);
      if (va === undefined || vb === undefined) continue;
      out.push({
        name: la.name,
        metric,
        a: va,
        b: vb,
        percent: va === 0 ? undefined : ((vb - va) / va) * 100,
      });
    }
  }
  return out;
}

/** "+12.3%", "−40.0%", "±0%", or "new" (in the page's language) when A had none. */
export function formatPercent(p: number | undefined, b: number, locale: Locale): string {
  if (p === undefined) return b === 0 ? '±0%' : t(locale, 'play.benchDeltaFromZero');
  if (Math.abs(p) < 0.05) return '±0%';
  return `${p > 0 ? '+' : '−'}${Math.abs(p).toFixed(1)}%`;
}
