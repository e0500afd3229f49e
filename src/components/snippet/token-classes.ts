/**
 * Token colours of the static snippet code as classes instead of an inline style per token:
 * a chapter has thousands of tokens, and `style="--shiki-light:…;--shiki-dark:…"` on each made
 * up a seventh of its HTML. Shiki (github-light / github-dark) gives each token a colour pair;
 * the pair picks a class, and snippet-code.css gives the class the colours below.
 */

export interface TokenColour {
  /** The class in snippet-code.css; '' for plain text, which takes `.sn-src`'s colours. */
  cls: string;
  light: string;
  dark: string;
}

/**
 * Keyed by Shiki's pair, `light dark` in upper case. The shown colours differ from Shiki's in two
 * places: github-light's orange #E36209 (3.5:1 on white) and github-dark's comment grey #6A737D
 * (3.9:1 on the dark page) fall short of WCAG AA, and GitHub's newer palette has these
 * replacements (the editor's highlight style, src/client/snippet/highlight.ts, shows comments in
 * the same dark grey). snippet-code.css must give each class exactly these colours: a unit test
 * (tests/unit/results/token-classes.test.ts) compares the two.
 */
export const TOKEN_COLOURS: Readonly<Record<string, TokenColour>> = {
  '#24292E #E1E4E8': { cls: '', light: '#24292E', dark: '#E1E4E8' },
  '#D73A49 #F97583': { cls: 'sn-t-k', light: '#D73A49', dark: '#F97583' },
  '#6F42C1 #B392F0': { cls: 'sn-t-f', light: '#6F42C1', dark: '#B392F0' },
  '#032F62 #9ECBFF': { cls: 'sn-t-s', light: '#032F62', dark: '#9ECBFF' },
  '#005CC5 #79B8FF': { cls: 'sn-t-n', light: '#005CC5', dark: '#79B8FF' },
  '#6A737D #6A737D': { cls: 'sn-t-c', light: '#6A737D', dark: '#8B949E' },
  '#E36209 #FFAB70': { cls: 'sn-t-v', light: '#BC4C00', dark: '#FFAB70' },
};

/** A token as Shiki's codeToTokens gives it with dual themes and `defaultColor: false`. */
export interface CodeToken {
  content: string;
  htmlStyle?: Record<string, string> | string;
}

/**
 * The class for a token's colours, or — for a pair not in the table (a new Shiki or theme
 * version) — the inline style Shiki asked for, so a token is never shown in the wrong colour.
 */
export function tokenColour(t: CodeToken): { cls: string } | { style: string } {
  const s = t.htmlStyle;
  if (s === undefined) return { cls: '' };
  if (typeof s === 'string') return { style: s };
  const keys = Object.keys(s);
  const light = s['--shiki-light']?.toUpperCase();
  const dark = s['--shiki-dark']?.toUpperCase();
  const known = keys.length === 2 ? TOKEN_COLOURS[`${light} ${dark}`] : undefined;
  if (known) return { cls: known.cls };
  return {
    style: Object.entries(s)
      .map(([k, v]) => `${k}:${v}`)
      .join(';'),
  };
}
