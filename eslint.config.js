import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint enforces the house plan's boundaries (docs/architecture.md):
 * - src-shared is pure: no electron, node:*, DOM, dexie, react — also no browser or Node globals;
 * - only src-main/electron touches electron; src-main never imports the renderer;
 * - the renderer never imports main or electron, and only src-renderer/host touches the transport;
 * - feature folders do not import each other.
 */
const nodeModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
];
const features = readdirSync(new URL('./src-renderer/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.object.name='process'][object.property.name='env'][property.name='NODE_ENV']",
          message: 'No NODE_ENV branches: pass behaviour in instead.',
        },
      ],
    },
  },
  {
    files: ['src-*/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    // Playwright requires a default export from its global setup.
    ignores: ['test/e2e/support/global-setup.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'electron-store', 'dexie', 'react', 'react-dom', 'recharts', ...nodeModules],
          message: 'src-shared is pure TypeScript.',
        },
        { regex: 'src-(main|renderer)', message: 'src-shared depends on nothing else of the app.' },
      ]),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'indexedDB',
        'localStorage',
        'navigator',
        'process',
        'Buffer',
        'fetch',
        'require',
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'electron-store'],
          message: 'Only src-main/electron may import electron (it cannot load outside Electron).',
        },
        { regex: 'src-renderer', message: 'Main never imports the renderer.' },
      ]),
    },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ regex: 'src-renderer', message: 'Main never imports the renderer.' }]),
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/host/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'electron-store', ...nodeModules],
          message: 'The renderer is sandboxed: no Node, no electron.',
        },
        {
          regex: 'src-main',
          message: 'The renderer reaches main only through the contract client (src-renderer/host).',
        },
      ]),
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Only src-renderer/host talks to main.' },
        'XMLHttpRequest',
        'WebSocket',
        'EventSource',
      ],
    },
  },
  ...features.map((feature) => ({
    files: [`src-renderer/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'electron-store', ...nodeModules],
          message: 'The renderer is sandboxed: no Node, no electron.',
        },
        {
          regex: 'src-main',
          message: 'The renderer reaches main only through the contract client (src-renderer/host).',
        },
        {
          regex: `features/(?!${feature}/)|^\\.\\./(?!\\.\\.)`,
          message: 'Feature folders do not import each other; move shared pieces to components/, data/ or src-shared/.',
        },
        { regex: '/host/', message: 'Features use the contract client from services, not the transport.' },
      ]),
    },
  })),
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**', 'scripts/**', '*.config.{ts,js}'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
);
