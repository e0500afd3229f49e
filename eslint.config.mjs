import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/**', '.astro/**', 'node_modules/**', 'public/**', 'content/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // .astro files are linted too: their frontmatter and scripts are TypeScript like the rest.
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The site may only reach the service through its wire contract.
    files: ['src/**/*.ts', 'src/**/*.astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'sandbox-api/src/(?!protocol\\.ts$)',
              message: 'The site imports only sandbox-api/src/protocol.ts (the wire contract).',
            },
          ],
        },
      ],
    },
  },
);
