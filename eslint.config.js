// ESLint: typescript-eslint recommended rules, the import allow-lists of docs/CONVENTIONS.md and
// "SQL only under db/" (local rules in eslint-rules/).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { counterdesk } from './eslint-rules/index.js';

// Who may import what (docs/CONVENTIONS.md): an allow-list per folder; anything not listed is an error.
const BROWSER_PACKAGES = [
  'react',
  'react-dom',
  'react-i18next',
  'i18next',
  '@mui/*',
  '@emotion/*',
  '@fontsource/*',
  '@expo-google-fonts/*',
  'zod',
  'qrcode',
];
const boundaries = {
  shared: { folders: ['shared'], node: false, packages: ['zod', 'qrcode'] },
  db: { folders: ['db', 'shared'], node: true, packages: ['drizzle-orm', 'better-sqlite3', 'zod'] },
  core: { folders: ['core', 'db', 'shared'], node: true, packages: 'any', denyPackages: ['electron'] },
  electron: { folders: ['electron', 'core', 'shared'], node: true, packages: ['electron'] },
  renderer: { folders: ['renderer', 'shared'], node: false, packages: BROWSER_PACKAGES },
};
const boundaryConfigs = Object.entries(boundaries).map(([folder, allowed]) => ({
  files: [`${folder}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.{ts,tsx}'],
  rules: { 'counterdesk/import-boundaries': ['error', { folder, ...allowed }] },
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist-web',
      'reports',
      'test-results',
      'playwright-report',
      'db/migrations',
      '.bench-data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      // Byte protocols and scanner input legitimately match control characters.
      'no-control-regex': 'off',
    },
  },
  { plugins: { counterdesk } },
  ...boundaryConfigs,
  {
    // SQL text and better-sqlite3 only under db/ (tests may do anything).
    files: ['core/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: { 'counterdesk/sql-only-in-db': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
