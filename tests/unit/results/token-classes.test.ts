import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goTokens } from '../../../src/components/snippet/render-code.ts';
import { TOKEN_COLOURS, tokenColour } from '../../../src/components/snippet/token-classes.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CSS = readFileSync(
  join(ROOT, 'src', 'components', 'snippet', 'snippet-code.css'),
  'utf8',
).replace(/\/\*[\s\S]*?\*\//g, '');

/** The custom properties a plain `.cls { … }` rule of snippet-code.css sets, upper-cased. */
function cssPair(selector: string): { light: string | undefined; dark: string | undefined } {
  const rules = [...CSS.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(
    (m) => m[1]!.trim() === selector && m[2]!.includes('--shiki-light'),
  );
  const body = rules.map((m) => m[2]).join(';');
  return {
    light: /--shiki-light:\s*([^;\s]+)/.exec(body)?.[1]?.toUpperCase(),
    dark: /--shiki-dark:\s*([^;\s]+)/.exec(body)?.[1]?.toUpperCase(),
  };
}

describe('token colour classes', () => {
  it('snippet-code.css gives every class (and plain text in .sn-src) the colours of the table', () => {
    for (const c of Object.values(TOKEN_COLOURS)) {
      expect(cssPair(c.cls ? `.${c.cls}` : '.sn-src'), c.cls || 'plain').toEqual({
        light: c.light,
        dark: c.dark,
      });
    }
  });

  it('covers every colour Shiki gives the Go files of the chapters, so none needs a style', async () => {
    // One Shiki call over every snippet's Go files: tokenising file by file takes seconds.
    const dir = join(ROOT, 'content', 'snippets');
    const sources = readdirSync(dir)
      .filter((d) => statSync(join(dir, d)).isDirectory())
      .flatMap((id) =>
        readdirSync(join(dir, id))
          .filter((n) => n.endsWith('.go'))
          .map((n) => readFileSync(join(dir, id, n), 'utf8')),
      );
    expect(sources.length).toBeGreaterThan(40);
    const styled = (await goTokens(sources.join('\n'))).flat().flatMap((t) => {
      const c = tokenColour(t);
      return 'style' in c ? [`${JSON.stringify(t.content)}: ${c.style}`] : [];
    });
    expect(styled).toEqual([]);
  }, 30_000); // Shiki loads its grammar engine on first use: seconds on a busy two-core machine.

  it('keeps an unknown colour pair as the inline style Shiki asked for', () => {
    expect(
      tokenColour({
        content: 'x',
        htmlStyle: { '--shiki-light': '#123456', '--shiki-dark': '#abc' },
      }),
    ).toEqual({ style: '--shiki-light:#123456;--shiki-dark:#abc' });
    expect(
      tokenColour({
        content: 'x',
        htmlStyle: { '--shiki-light': '#d73a49', '--shiki-dark': '#f97583' },
      }),
    ).toEqual({ cls: 'sn-t-k' });
  });
});
