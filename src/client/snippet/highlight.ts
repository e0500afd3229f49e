import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

// github-light / github-dark, the pair Shiki paints the static code with, so the swap from
// static code to editor does not change a single colour.
const c = (light: string, dark: string) => `light-dark(${light}, ${dark})`;

export const githubHighlight = syntaxHighlighting(
  HighlightStyle.define([
    {
      tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword],
      color: c('#d73a49', '#f97583'),
    },
    { tag: [t.typeName, t.standard(t.typeName)], color: c('#d73a49', '#f97583') },
    {
      tag: [
        t.function(t.variableName),
        t.function(t.definition(t.variableName)),
        t.function(t.propertyName),
      ],
      color: c('#6f42c1', '#b392f0'),
    },
    { tag: [t.string, t.special(t.string), t.character], color: c('#032f62', '#9ecbff') },
    {
      tag: [t.number, t.bool, t.null, t.atom, t.constant(t.variableName)],
      color: c('#005cc5', '#79b8ff'),
    },
    { tag: [t.comment, t.lineComment, t.blockComment], color: c('#6a737d', '#8b949e') },
    { tag: [t.definition(t.variableName), t.propertyName], color: c('#24292e', '#e1e4e8') },
    { tag: t.operator, color: c('#d73a49', '#f97583') },
  ]),
);
