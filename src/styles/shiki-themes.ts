/**
 * The code themes: GitHub light and dark, with the few token colours that fall below WCAG AA
 * (4.5:1) on our code backgrounds and on the snippet highlight tints replaced. Used by Markdown
 * fences (astro.config.mjs) and meant for every other Shiki or CodeMirror rendering, so static code
 * and editors show the same colours.
 */
import type { ThemeRegistration } from 'shiki';
import { bundledThemes } from 'shiki/themes';

/** github-light colour → replacement (keys lower-case, as Shiki looks them up). */
export const LIGHT_REPLACEMENTS: Readonly<Record<string, string>> = {
  '#6a737d': '#57606a', // comments: 4.3:1 on the heap tint
  '#d73a49': '#cf222e', // keywords, operators
  '#e36209': '#a04100', // parameters: 3.5:1 even on white
  '#22863a': '#116329', // tags, inserted
};

/** github-dark colour → replacement. */
export const DARK_REPLACEMENTS: Readonly<Record<string, string>> = {
  '#6a737d': '#8b949e', // comments: 3.0:1 on the theme's own background
};

async function patched(
  base: 'github-light' | 'github-dark',
  name: string,
  colorReplacements: Readonly<Record<string, string>>,
): Promise<ThemeRegistration> {
  const theme = (await bundledThemes[base]()).default;
  return { ...theme, name, colorReplacements: { ...colorReplacements } };
}

/** The light/dark pair for Shiki's `themes` option. */
export async function codeThemes(): Promise<{ light: ThemeRegistration; dark: ThemeRegistration }> {
  const [light, dark] = await Promise.all([
    patched('github-light', 'gml-light', LIGHT_REPLACEMENTS),
    patched('github-dark', 'gml-dark', DARK_REPLACEMENTS),
  ]);
  return { light, dark };
}
