/**
 * The Monaco build the playground uses, bundled by Vite with the site (no CDN: the site must work
 * self-hosted and offline). Only the editor worker is wired: Go needs no language worker, and the
 * TS/JSON/CSS/HTML workers would add megabytes for nothing. This module is reached only through
 * a dynamic import from the /play page script, so no other page downloads it.
 */
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
// The editor features a learner touches; the full set (`features/register.all`) is much larger.
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/go/register';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };
export type Monaco = typeof monaco;

// Monaco's dark comment colour (#608B4E on #1E1E1E, 4.2:1) misses WCAG AA; lift it and the
// line numbers just enough to pass, keeping the familiar palette otherwise.
monaco.editor.defineTheme('gml-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '7CA668' }],
  colors: { 'editorLineNumber.foreground': '#8F8F8F' },
});
monaco.editor.defineTheme('gml-light', { base: 'vs', inherit: true, rules: [], colors: {} });

/** The editor theme for the page theme the layout chose (reader's choice, else the OS). */
export function editorTheme(): 'gml-dark' | 'gml-light' {
  return document.documentElement.dataset['theme'] === 'dark' ? 'gml-dark' : 'gml-light';
}
