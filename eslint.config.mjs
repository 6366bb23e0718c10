// ESLint flat config: `npm run lint`.
// TypeScript (src/, test/**/*.ts) is linted with typescript-eslint's type-aware recommended rules;
// the plain CommonJS scripts (test harness, e2e specs, esbuild.js) with @eslint/js recommended.
// Formatting is Prettier's job (`npm run format:check`): no stylistic rules are enabled here
// (neither @eslint/js nor typescript-eslint's recommended sets hold any).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node globals the CommonJS scripts use (the `globals` package is not a dependency).
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'AbortSignal',
    'fetch',
    'structuredClone',
    'queueMicrotask',
    'performance',
    'global',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);
// Functions passed to Playwright's page.evaluate() run in the workbench page.
const browserGlobals = Object.fromEntries(
  ['window', 'document', 'navigator', 'getComputedStyle', 'HTMLElement', 'Element', 'Node', 'NodeFilter'].map((name) => [name, 'readonly']),
);

export default defineConfig(
  // Build output, downloaded tools, and configs kept byte-exact as test inputs.
  globalIgnores(['dist/', 'out/', '.tools/', 'test-artifacts/', 'test/examples/', 'test/fixtures/', 'docs/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The `!` after an indexed read (`xs[i]!`) marks a read the author knows is in bounds, written
      // ahead of `noUncheckedIndexedAccess` (176 places); without that flag the rule calls each unnecessary.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // `_name` marks a parameter or binding kept on purpose (a callback's signature, a skipped
      // destructured field); everything else unused is an error.
      '@typescript-eslint/no-unused-vars': 'error',
      // Spreading an array into a call passes each element as an argument: past about 120k of them
      // V8 throws "Maximum call stack size exceeded" (a 150k-row runs file crashed `fit` through
      // Math.max(...)). Use minOf/maxOf (src/core/numbers/extent.ts) or a loop; pushes of lists that hostile
      // input can grow (shell words, argv) are loops too.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'] > SpreadElement",
          message: 'Math.min/max(...xs) throws on a long list: use minOf/maxOf from src/core/numbers/extent.ts.',
        },
        {
          // A notification renders [label](command:…) as a link: file and setting names reach it only through the door.
          selector: "MemberExpression[object.object.name='vscode'][object.property.name='window'][property.name=/^show(Information|Warning|Error)Message$/]",
          message: 'Notify through src/extension/notify.ts, which passes the message through notificationText.',
        },
      ],
    },
  },
  {
    // Config text reaches a terminal or a page only through the output sanitiser
    // (src/core/text/sanitise.ts): the CLI writes through main.ts, whose write and warn guard every
    // block, and the chart page writes text with textContent, never markup.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/main.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['stdout', 'stderr'].map((property) => ({
          object: 'process',
          property,
          message: "Write through the command's CliIO (io.write, io.warn): main.ts guards every block against workflow commands.",
        })),
        ...['log', 'info', 'warn', 'error', 'debug'].map((property) => ({
          object: 'console',
          property,
          message: 'Write through CliIO (the CLI) or a diagnostic (the editor), with config text through src/core/text/sanitise.ts.',
        })),
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
          property,
          message: 'Write text with textContent: config text is never markup (src/core/text/sanitise.ts, webviewText).',
        })),
        { object: 'document', property: 'write', message: 'Write text with textContent: config text is never markup.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'commonjs',
      ecmaVersion: 2022,
      globals: { ...nodeGlobals, ...browserGlobals },
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
  {
    rules: {
      // Matching control characters is the point wherever a pattern names them: escaping them out of
      // hostile config text, and tests asserting that no raw control or bidi character gets through.
      'no-control-regex': 'off',
    },
  },
);
