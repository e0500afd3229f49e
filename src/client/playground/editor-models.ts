/**
 * One Monaco model per file per variant, created on first use. Edits flow back into the
 * variant's file text at once, so the state (and the URL built from it) is never stale.
 */
import type { AnalyzeResponse, Variant } from '@go-memory-lab/sandbox-api/protocol';
import { toMarkers } from './markers.ts';
import type { Monaco } from './monaco.ts';

export type Side = 'a' | 'b';
type Model = ReturnType<Monaco['editor']['createModel']>;

export class EditorModels {
  private readonly models = new Map<string, Model>();
  private readonly monaco: Monaco;
  private readonly variant: (s: Side) => Variant;
  private readonly onEdit: () => void;

  /**
   * @param variant the live variant object of a side (edits are written into its files)
   * @param onEdit called after every edit
   */
  constructor(monaco: Monaco, variant: (s: Side) => Variant, onEdit: () => void) {
    this.monaco = monaco;
    this.variant = variant;
    this.onEdit = onEdit;
  }

  get(s: Side, name: string): Model {
    const key = `${s}/${name}`;
    const existing = this.models.get(key);
    if (existing) return existing;
    const file = this.variant(s).files.find((f) => f.name === name);
    const uri = this.monaco.Uri.parse(`inmemory://play/${s}/${name}`);
    const m = this.monaco.editor.createModel(file?.content ?? '', 'go', uri);
    m.onDidChangeContent(() => {
      const f = this.variant(s).files.find((x) => x.name === name);
      if (f) f.content = m.getValue();
      this.onEdit();
    });
    this.models.set(key, m);
    return m;
  }

  /** Forgets one file's model (file removed), or every model of a side (compare mode off). */
  drop(s: Side, name?: string): void {
    for (const [key, m] of this.models) {
      if (name === undefined ? !key.startsWith(`${s}/`) : key !== `${s}/${name}`) continue;
      m.dispose();
      this.models.delete(key);
    }
  }

  /** Draws a run's decisions and errors on every file of its side (clears them without one). */
  setMarkers(s: Side, r: AnalyzeResponse | undefined): void {
    for (const f of this.variant(s).files) {
      const m = this.get(s, f.name);
      const doc = { file: f.name, text: m.getValue() };
      const markers = r ? toMarkers(r.decisions, r.compileErrors, doc) : [];
      this.monaco.editor.setModelMarkers(m, 'go', markers);
    }
  }
}
