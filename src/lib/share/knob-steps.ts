/**
 * Steps of the run knobs. GOMEMLIMIT matters on a log scale (8 MiB vs 256 MiB), so its slider
 * moves through fixed stops rather than raw numbers; GOGC is a field with presets. A value
 * pinned by a link that is not one of the stops is inserted in order, so opening a link never
 * changes a knob.
 */

import type { Locale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

/** Slider value for "leave the variable unset" (the runtime default). */
export const UNSET = '';

/** GOGC's presets in its field's list (any other number may be typed). */
export const GOGC_PRESETS = ['off', '25', '50', '100', '200', '400'];
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

/** How a GOMEMLIMIT stop reads next to its slider (sizes stay as Go spells them). */
export function stopLabel(value: string, locale: Locale): string {
  if (value === UNSET) return t(locale, 'play.memlimitUnset');
  return value;
}
