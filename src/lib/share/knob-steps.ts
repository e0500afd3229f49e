/**
 * Slider stops for the run knobs. GOGC and GOMEMLIMIT matter on a log scale (50 vs 100 vs 400),
 * so the sliders move through fixed stops rather than raw numbers. A value pinned by a link that
 * is not one of the stops is inserted in order, so opening a link never changes a knob.
 */

/** Slider value for "leave the variable unset" (the runtime default). */
export const UNSET = '';

export const GOGC_STOPS = [
  '10',
  '25',
  '50',
  '75',
  '100',
  '150',
  '200',
  '300',
  '400',
  '800',
  '1600',
];
export const GOMEMLIMIT_STOPS = [
  '4MiB',
  '8MiB',
  '16MiB',
  '32MiB',
  '64MiB',
  '128MiB',
  '256MiB',
  '1GiB',
];

const UNITS: Record<string, number> = {
  B: 1,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

/** Sort key of a knob value: numbers by size, `off` after every number. */
export function knobMagnitude(value: string): number {
  if (value === 'off') return Number.POSITIVE_INFINITY;
  const m = /^([0-9]+)(B|KiB|MiB|GiB|TiB)?$/.exec(value);
  return m ? Number(m[1]) * (UNITS[m[2] ?? 'B'] ?? 1) : Number.NaN;
}

/**
 * The stops a slider offers: unset first, then `stops` with `current` merged in, then `off`.
 * @param current the value the state pins (undefined or '' for unset).
 */
export function sliderStops(stops: readonly string[], current: string | undefined): string[] {
  const values = new Set(stops);
  if (current !== undefined && current !== UNSET && current !== 'off') values.add(current);
  const sorted = [...values].sort((a, b) => knobMagnitude(a) - knobMagnitude(b));
  return [UNSET, ...sorted, 'off'];
}

/** How a stop reads next to its slider. */
export function stopLabel(knob: 'GOGC' | 'GOMEMLIMIT', value: string): string {
  if (value === UNSET) return knob === 'GOGC' ? 'default (100)' : 'default (no limit)';
  if (value === 'off') return knob === 'GOGC' ? 'off (no proportional GC)' : 'off';
  return knob === 'GOGC' ? `${value}%` : value;
}
