// ESLint: typescript-eslint recommended rules plus the import boundaries of docs/CONVENTIONS.md.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noNodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'net', 'http'],
  message: 'Node builtins are not available here (shared/ and renderer/ also run in the browser).',
};
const rel = (folder) => [
  `../${folder}/*`,
  `../../${folder}/*`,
  `../../../${folder}/*`,
  `../../../../${folder}/*`,
  `../../../../../${folder}/*`,
];

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
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noNodeBuiltins,
            {
              group: [...rel('core'), ...rel('db'), ...rel('electron'), ...rel('renderer')],
              message: 'shared/ imports nothing from other project folders.',
            },
            {
              group: ['electron', 'better-sqlite3', 'serialport', 'node-hid', 'iconv-lite'],
              message: 'shared/ must run in the browser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts', 'db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core/ and db/ run in plain Node: never import electron.' }],
          patterns: [
            {
              group: [...rel('renderer'), ...rel('electron')],
              message: 'core/ and db/ may not import renderer/ or electron/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'db/ runs in plain Node.' }],
          patterns: [
            {
              group: [...rel('core'), ...rel('renderer'), ...rel('electron')],
              message: 'db/ imports only shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never sees Electron: use the api facade.' }],
          patterns: [
            noNodeBuiltins,
            {
              group: [...rel('core'), ...rel('db'), ...rel('electron')],
              message: 'renderer/ imports only shared/ and browser packages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
