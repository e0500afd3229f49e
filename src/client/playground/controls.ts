/**
 * The toolbar's run knobs, bound to one variant at a time. `show(variant)` puts a variant's
 * values into the controls; `read()` reads them back as the variant's options. Sliders move
 * through fixed stops (knob-steps.ts) so GOGC 50 vs 400 is one drag, not typing.
 */
import {
  GodebugSchema,
  GoExperimentSchema,
  type Mode,
  type Variant,
} from '@go-memory-lab/sandbox-api/protocol';
import {
  GOGC_STOPS,
  GOMEMLIMIT_STOPS,
  sliderStops,
  stopLabel,
  UNSET,
} from '../../lib/share/knob-steps.ts';
import { h, need } from './dom.ts';

export type VariantOptions = Omit<Variant, 'files'>;

interface Slider {
  input: HTMLInputElement;
  output: HTMLOutputElement;
  stops: string[];
  knob: 'GOGC' | 'GOMEMLIMIT';
  base: readonly string[];
}

export class Controls {
  readonly mode: HTMLSelectElement;
  readonly escapeDetail: HTMLSelectElement;
  readonly inline: HTMLInputElement;
  readonly toolchain: HTMLSelectElement;
  readonly toolchainField: HTMLElement;
  readonly maxprocs: HTMLSelectElement;
  readonly godebug: HTMLInputElement;
  /** Build-time collector choice; kept in the state so a shared link reproduces it. */
  readonly goexperiment: HTMLSelectElement;
  private readonly sliders: Slider[];
  private offered: string[] = [];
  private serviceDefault: string | undefined;

  constructor(root: HTMLElement, onChange: () => void) {
    this.mode = need(root, 'select[name=mode]');
    this.escapeDetail = need(root, 'select[name=escapeDetail]');
    this.inline = need(root, 'input[name=inline]');
    this.toolchain = need(root, 'select[name=toolchain]');
    this.toolchainField = need(root, '[data-toolchain-field]');
    this.maxprocs = need(root, 'select[name=GOMAXPROCS]');
    this.godebug = need(root, 'input[name=GODEBUG]');
    this.goexperiment = need(root, 'select[name=GOEXPERIMENT]');
    this.sliders = (['GOGC', 'GOMEMLIMIT'] as const).map((knob) => ({
      knob,
      input: need<HTMLInputElement>(root, `input[name=${knob}]`),
      output: need<HTMLOutputElement>(root, `output[data-for=${knob}]`),
      stops: [],
      base: knob === 'GOGC' ? GOGC_STOPS : GOMEMLIMIT_STOPS,
    }));
    for (const s of this.sliders) {
      s.input.addEventListener('input', () => {
        s.output.value = stopLabel(s.knob, s.stops[Number(s.input.value)] ?? UNSET);
        onChange();
      });
    }
    for (const c of [
      this.mode,
      this.escapeDetail,
      this.inline,
      this.toolchain,
      this.maxprocs,
      this.goexperiment,
    ]) {
      c.addEventListener('change', onChange);
    }
    this.godebug.addEventListener('change', () => {
      const ok = GodebugSchema.safeParse(this.godebug.value.trim()).success;
      this.godebug.setCustomValidity(ok ? '' : 'e.g. gcpacertrace=1,scavtrace=1');
      if (ok) onChange();
      else this.godebug.reportValidity();
    });
  }

  /** Toolchains the service offers (none when it is unreachable: the default stays offered). */
  setToolchains(versions: string[], serviceDefault: string | undefined): void {
    this.offered = versions;
    this.serviceDefault = serviceDefault;
  }

  private fillToolchains(pinned: string | undefined): void {
    const versions = [...new Set([...this.offered, ...(pinned ? [pinned] : [])])];
    const label = this.serviceDefault
      ? `service default (${this.serviceDefault})`
      : 'service default';
    this.toolchain.replaceChildren(
      h('option', { value: '' }, label),
      ...versions.map((v) => h('option', { value: v }, v)),
    );
    this.toolchain.value = pinned ?? '';
    // Always shown, even with one toolchain or an unreachable service: which Go compiled the
    // result is part of what the reader sees (issue 14), and "service default" is a real choice.
  }

  private setSelect(select: HTMLSelectElement, value: string): void {
    if (![...select.options].some((o) => o.value === value))
      select.append(h('option', { value }, value));
    select.value = value;
  }

  show(v: VariantOptions): void {
    this.mode.value = v.mode;
    this.escapeDetail.value = String(v.escapeDetail);
    this.inline.checked = v.inline;
    this.fillToolchains(v.toolchain);
    this.setSelect(this.maxprocs, v.env.GOMAXPROCS ?? '');
    this.godebug.value = v.env.GODEBUG ?? '';
    this.goexperiment.value = v.env.GOEXPERIMENT ?? '';
    for (const s of this.sliders) {
      const current = v.env[s.knob];
      s.stops = sliderStops(s.base, current);
      s.input.max = String(s.stops.length - 1);
      s.input.value = String(Math.max(0, s.stops.indexOf(current ?? UNSET)));
      s.output.value = stopLabel(s.knob, current ?? UNSET);
    }
  }

  read(): VariantOptions {
    const env: Variant['env'] = {};
    for (const s of this.sliders) {
      const v = s.stops[Number(s.input.value)] ?? UNSET;
      if (v !== UNSET) env[s.knob] = v;
    }
    if (this.maxprocs.value) env.GOMAXPROCS = this.maxprocs.value;
    const godebug = this.godebug.value.trim();
    if (godebug && GodebugSchema.safeParse(godebug).success) env.GODEBUG = godebug;
    const experiment = GoExperimentSchema.safeParse(this.goexperiment.value);
    if (experiment.success) env.GOEXPERIMENT = experiment.data;
    return {
      mode: this.mode.value as Mode,
      escapeDetail: this.escapeDetail.value === '1' ? 1 : 2,
      inline: this.inline.checked,
      ...(this.toolchain.value ? { toolchain: this.toolchain.value } : {}),
      env,
    };
  }
}
