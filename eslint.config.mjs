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
  // TypeScript is linted with type information (no-unsafe-*, floating promises, …).
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({
    ...c,
    files: ['**/*.ts'],
  })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // .astro files are linted too: their frontmatter and scripts are TypeScript like the rest.
  // Not type-checked: astro-eslint-parser gives template expressions no JSX type, so every
  // `.map(() => <li/>)` reads as an unsafe return (eslint-plugin-astro issues #168, #348);
  // `astro check` type-checks them instead.
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The site reaches the service only through the package's public exports (the wire
    // contract and pure helpers listed in sandbox-api/package.json), never by file path.
    files: ['src/**/*.ts', 'src/**/*.astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'sandbox-api/src/',
              message: 'Import an export of @go-memory-lab/sandbox-api, not a file path.',
            },
            {
              regex: '^@go-memory-lab/sandbox-api(?!/(protocol|gc|go-source)$)',
              message: 'The site imports only the exports of sandbox-api/package.json.',
            },
          ],
        },
      ],
    },
  },
  {
    // src/lib is shared by pages and browser code; only the build-time exercise reader may
    // touch the disk.
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/exercises/load.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'src/lib is browser-safe: no Node built-ins here.' },
            {
              regex: 'sandbox-api/src/',
              message: 'Import an export of @go-memory-lab/sandbox-api, not a file path.',
            },
            {
              regex: '^@go-memory-lab/sandbox-api(?!/(protocol|gc|go-source)$)',
              message: 'The site imports only the exports of sandbox-api/package.json.',
            },
          ],
        },
      ],
    },
  },
  {
    // The exported modules run in the browser too: no Node built-ins, only zod and @lezer.
    files: [
      'sandbox-api/src/protocol.ts',
      'sandbox-api/src/parse/gctrace.ts',
      'sandbox-api/src/parse/go-source-index.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|@lezer/(go|common)$|\\.\\./protocol\\.ts$)',
              message: 'An exported module of sandbox-api must stay browser-safe.',
            },
          ],
        },
      ],
    },
  },
);
