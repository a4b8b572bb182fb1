// ESLint: TypeScript's recommended rules plus the import table of ARCHITECTURE.md ("who may import
// whom"), enforced here rather than kept as a comment. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import restriction: these import paths are refused in the files it applies to, with the reason. */
function refuse(groups, message) {
  return { group: groups, message };
}

const HTTP = ['hono', 'hono/*', '@hono/*'];
const ROUTES = ['**/routes/*', '**/routes/**'];
const VIEWS = ['**/views/*', '**/views/**'];
const MIDDLEWARE = ['**/middleware/*', '**/http/*'];
const DATA = ['**/d1/*', '../d1', '../../d1'];
const DOMAIN = ['**/domain/*'];
const EMBEDS = ['**/embeds/*'];

/** One block of the import table: files, and what they may not import. */
function layer(files, patterns) {
  return { files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.wrangler/',
      'test-results/',
      'worker-configuration.d.ts',
      'public/embed.*.js',
      'public/vendor/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  // Tests read arbitrary JSON and HTML: `any` is allowed there, never in the app.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Node scripts, benches and configs run in Node; public/ scripts run in the browser.
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  { files: ['public/**/*.js'], languageOptions: { globals: globals.browser } },

  // ---- The import table (ARCHITECTURE.md) ---------------------------------------------------
  // Extraction is pure: nothing outside worker/extract/.
  layer(
    ['worker/extract/**'],
    [
      refuse(
        ['../*', '!./*', 'hono', 'hono/*', '@hono/*', 'zod', 'cloudflare:*'],
        'worker/extract/ is pure: it imports nothing outside itself.',
      ),
    ],
  ),
  // Data knows no HTTP or HTML: d1/ may use pure helpers (lib/, extract/normalize, schemas' enums) only.
  layer(
    ['d1/**'],
    [
      refuse(
        [...HTTP, ...ROUTES, ...VIEWS, ...MIDDLEWARE, ...DOMAIN, ...EMBEDS, '**/i18n/*'],
        'd1/ is data only: no HTTP, views, middleware, domain rules or i18n.',
      ),
    ],
  ),
  // Editorial rules take plain inputs: no Hono, no routes, no views.
  layer(
    ['worker/domain/**'],
    [
      refuse(
        [...HTTP, ...ROUTES, ...VIEWS, ...MIDDLEWARE],
        'worker/domain/ takes plain inputs: no Hono Context, routes, middleware or views.',
      ),
    ],
  ),
  // Views render what they are given: no data access, no routes, no rules.
  layer(
    ['worker/views/**'],
    [
      refuse(
        [...DATA, ...ROUTES, ...MIDDLEWARE, ...DOMAIN],
        'Views render view models: no d1/, routes, middleware or domain.',
      ),
    ],
  ),
  // Small pure helpers depend on nothing above them.
  layer(
    ['worker/lib/**', 'worker/i18n/**'],
    [
      refuse(
        [...DATA, ...ROUTES, ...VIEWS, ...MIDDLEWARE, ...DOMAIN, ...EMBEDS],
        'lib/ and i18n/ are leaves: no data, routes, views, middleware, domain or embeds.',
      ),
    ],
  ),
  // Schemas are leaves too, but may read d1's types (never its code): responses are checked against them.
  layer(
    ['worker/schemas/**'],
    [
      refuse(
        [...ROUTES, ...VIEWS, ...MIDDLEWARE, ...DOMAIN, ...EMBEDS],
        'schemas/ are leaves: no routes, views, middleware, domain or embeds.',
      ),
      {
        ...refuse(
          DATA,
          'schemas/ may import d1 types only (import type), to check responses against them.',
        ),
        allowTypeImports: true,
      },
    ],
  ),
  // Middleware sees requests, data and lib, never pages or routers.
  layer(['worker/middleware/**'], [refuse([...ROUTES], 'Middleware never imports routers.')]),
);
