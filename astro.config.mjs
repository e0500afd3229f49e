// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { headingIdPlugin } from './src/i18n/heading-id-plugin.ts';
import { codeThemes } from './src/styles/shiki-themes.ts';

/**
 * Where the site's client code reaches the sandbox API: `import.meta.env.PUBLIC_API_BASE ?? ''`.
 * Empty (the default) means same origin — `npm start` serves the built site and the API from one
 * process, and `npm run dev` proxies `/api` and `/s/` to the API below. A static deployment that
 * talks to a sandbox elsewhere sets it at build time:
 *   PUBLIC_API_BASE=https://sandbox.example npm run build
 */
const API_PORT = Number(process.env.GML_API_PORT ?? 4322);
const apiTarget = `http://127.0.0.1:${API_PORT}`;

export default defineConfig({
  integrations: [mdx()],
  // English at /, Chinese at /zh/ with the same paths below it (src/pages/zh/** mirrors src/pages).
  i18n: {
    locales: ['en', 'zh'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  // Chapters are linked as /learn/chapter-2 (no slash) and served from dist/learn/chapter-2/index.html.
  trailingSlash: 'ignore',
  markdown: {
    // The default processor plus `## 标题 [#anchor]`, so Chinese sections keep the English anchors.
    processor: satteri({ hastPlugins: [headingIdPlugin] }),
    // Mermaid fences stay plain <pre><code class="language-mermaid"> so the client can draw them.
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid', 'math'] },
    shikiConfig: {
      // GitHub light/dark with contrast fixes, the pair the editors use too; colours come from
      // --shiki-light/--shiki-dark (src/styles/code.css) so the page theme decides which shows.
      themes: await codeThemes(),
      defaultColor: false,
    },
  },
  vite: {
    server: {
      proxy: {
        '/api': { target: apiTarget, changeOrigin: false },
        '/s/': { target: apiTarget, changeOrigin: false },
      },
    },
  },
});
