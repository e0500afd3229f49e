/**
 * The toolbar's run knobs, bound to one variant at a time. `show(variant)` puts a variant's
 * values into the controls; `read()` reads them back as the variant's options. GOMEMLIMIT's
 * slider moves through fixed stops (knob-steps.ts); GOGC is the field chapter snippets use too
 * (GogcField.astro), checked with the same schema.
 */
import {
  GodebugSchema,
  GoExperimentSchema,
  type Mode,
  type Variant,
} from '@go-memory-lab/sandbox-api/protocol';
import { GOMEMLIMIT_STOPS, sliderStops, stopLabel, UNSET } from '../../lib/share/knob-steps.ts';
import { badKnobs } from '../snippet/request.ts';
import { h, need } from './dom.ts';
import { documentLocale } from '../../i18n/locales.ts';
import { t } from '../../i18n/t.ts';

export type VariantOptions = Omit<Variant, 'files'>;

interface Slider {
  input: HTMLInputElement;
  output: HTMLOutputElement;
  stops: string[];
}

export class Controls {
  readonly mode: HTMLSelectElement;
  readonly escapeDetail: HTMLSelectElement;
  readonly inline: HTMLInputElement;
  readonly toolchain: HTMLSelectElement;
  readonly toolchainField: HTMLElement;
  readonly maxprocs: HTMLSelectElement;
  readonly godebug: HTMLInputElement;
  readonly gogc: HTMLInputElement;
  /** Build-time collector choice; kept in the state so a shared link reproduces it. */
  readonly goexperiment: HTMLSelectElement;
  private readonly memlimit: Slider;
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
    this.gogc = need(root, 'input[name=GOGC]');
    const m: Slider = {
      input: need<HTMLInputElement>(root, 'input[name=GOMEMLIMIT]'),
      output: need<HTMLOutputElement>(root, 'output[data-for=GOMEMLIMIT]'),
      stops: [],
    };
    this.memlimit = m;
    m.input.addEventListener('input', () => {
      m.output.value = stopLabel(m.stops[Number(m.input.value)] ?? UNSET, documentLocale());
      onChange();
    });
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
    // Typing or picking a preset updates the state at once; a refused value says why on leaving.
    this.gogc.addEventListener('input', () => {
      const value = this.gogc.value.trim();
      const bad = value ? badKnobs({ GOGC: value }, documentLocale())[0] : undefined;
      this.gogc.setCustomValidity(bad?.message ?? '');
      if (!bad) onChange();
    });
    this.gogc.addEventListener('change', () => this.gogc.reportValidity());
    this.godebug.addEventListener('change', () => {
      const ok = GodebugSchema.safeParse(this.godebug.value.trim()).success;
      this.godebug.setCustomValidity(
        ok ? '' : t(documentLocale(), 'snippet.eg', { example: 'gcpacertrace=1,scavtrace=1' }),
      );
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
      ? t(documentLocale(), 'play.serviceDefaultIs', { version: this.serviceDefault })
      : t(documentLocale(), 'play.serviceDefault');
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
    this.gogc.value = v.env.GOGC ?? '';
    this.gogc.setCustomValidity('');
    const m = this.memlimit;
    const current = v.env.GOMEMLIMIT;
    m.stops = sliderStops(GOMEMLIMIT_STOPS, current);
    m.input.max = String(m.stops.length - 1);
    m.input.value = String(Math.max(0, m.stops.indexOf(current ?? UNSET)));
    m.output.value = stopLabel(current ?? UNSET, documentLocale());
  }

  read(): VariantOptions {
    const env: Variant['env'] = {};
    const gogc = this.gogc.value.trim();
    if (gogc && badKnobs({ GOGC: gogc }, documentLocale()).length === 0) env.GOGC = gogc;
    const limit = this.memlimit.stops[Number(this.memlimit.input.value)] ?? UNSET;
    if (limit !== UNSET) env.GOMEMLIMIT = limit;
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
