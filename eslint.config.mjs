// Lint rules (run by `npm run lint`, part of `npm test`). The layering rules are the point: the analysis core and
// the view models run in plain Node, the CLI and workers, so they must never reach for VS Code, the file system,
// timers or a process; shared/ is the webview protocol and holds types only.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_MODULES = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'timers',
  'crypto',
  'http',
  'https',
  'net',
];
const pureLayer = (what) => ({
  paths: [
    {
      name: 'vscode',
      message: `${what} must not import vscode: it runs in plain Node, in the CLI, in tests and in workers.`,
    },
    ...NODE_MODULES.flatMap((m) => [
      { name: m, message: `${what} is pure: no file system, processes or timers (the caller passes data in).` },
      {
        name: `node:${m}`,
        message: `${what} is pure: no file system, processes or timers (the caller passes data in).`,
      },
    ]),
  ],
  patterns: [
    {
      group: ['**/services/**', '**/features/**', '**/util/**'],
      message: `${what} must not depend on the VS Code layer.`,
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.artifacts/**', '.e2e-cache/**', '.vscode-test/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `typeof import('./x')` names the type of a module that is required lazily, on first use.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
      'prefer-const': ['error', { destructuring: 'all' }],
      // Control characters in patterns are deliberate: untrusted text is cleaned of them before it is shown.
      'no-control-regex': 'off',
    },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureLayer('The analysis core')] } },
  { files: ['src/views/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureLayer('The view models')] } },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureLayer('The webview protocol')] } },
  {
    files: ['src/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', pureLayer('Webview code')] },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.js', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.mocha, ...globals.node } },
  },
  {
    // The UI driver passes functions to page.evaluate(): they run in the workbench page, not in Node.
    files: ['test/e2e/ui/**/*.mjs', 'scripts/e2e/**/*.mjs', 'scripts/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // CommonJS helpers loaded by mocha's require hook.
    files: ['test/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
