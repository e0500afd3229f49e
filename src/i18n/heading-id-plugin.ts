/**
 * A Markdown heading may end in `[#anchor]` to choose its id: `## 闭包捕获 [#closure-capture]`.
 * The Chinese chapters use it so every section keeps the English edition's anchor — the language
 * switch carries `#closure-capture` across, and the parity test compares anchors one to one.
 * (`{#id}` is the usual syntax, but braces are expressions in MDX.) Runs before Astro's own
 * heading-ids pass, which keeps an id that is already set and records the stripped text.
 */
import type { HastPluginDefinition } from 'satteri';

const MARKER = /\s*\[#([a-z0-9][a-z0-9-]*)\]\s*$/;

export const headingIdPlugin: HastPluginDefinition = {
  name: 'heading-explicit-id',
  element: {
    filter: ['h2', 'h3'],
    visit(node) {
      const last = node.children.at(-1);
      if (last?.type !== 'text') return;
      const m = MARKER.exec(last.value);
      if (!m) return;
      return {
        ...node,
        properties: { ...node.properties, id: m[1] },
        children: [...node.children.slice(0, -1), { ...last, value: last.value.slice(0, m.index) }],
      };
    },
  },
};
