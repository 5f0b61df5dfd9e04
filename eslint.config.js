// ESLint flat config: type-aware typescript-eslint rules for all TypeScript, and the import
// directions of docs/architecture.md's folder map, one no-restricted-imports block per folder.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A relative specifier that reaches a folder of src/ by name: '../node/x.js', './cli/main.js',
 * '../../pdf/embed.js'. The folder map is flat under src/, so the last hop's name is the folder.
 */
const toFolder = (...names) => `^\\.{1,2}/(?:\\.\\./)*(?:${names.join('|')})(?:/|\\.js$|$)`;

/** Every restriction, by name, so a folder lists the ones it obeys and an exception drops one. */
const restrictions = {
  nodeBuiltins: {
    regex: `^(?:node:|(?:${builtinModules.filter((m) => !m.startsWith('_')).map(escape).join('|')})(?:/|$))`,
    message: 'The core is pure: only src/node, src/batch and src/cli touch Node built-ins.',
  },
  edges: {
    regex: toFolder('node', 'batch', 'cli'),
    message: 'The core must not import the edges (src/node, src/batch, src/cli); they import it.',
  },
  pdfWriter: {
    regex: `${toFolder('pdf', 'typeset')}|^pdfkit(?:/|$)|(?:^|/)pdfkit-internals(?:\\.js)?$`,
    message: 'Shaping and layout know nothing of PDF: pdf/ (and typeset/, until it moves) and PDFKit are for the writer.',
  },
  textValues: {
    regex: toFolder('text'),
    allowTypeImports: true,
    message: 'Layout is pure over a measurer: it may import types from text/, not the text engine.',
  },
  schemaOnly: {
    // Same-folder modules, ../errors.js and zod; nothing else (no '..' hop out of schema/).
    regex: '^(?!(?:zod(?:/.*)?|\\.\\./errors\\.js|\\./(?!.*\\.\\.)[^]*)$)',
    message: 'schema/ imports only errors.ts and zod: it is the root every other folder builds on.',
  },
};

const core = ['nodeBuiltins', 'edges'];
const core_folders = ['load', 'validate', 'personalize', 'render', 'markdown', 'calendar', 'pdf', 'workbook', 'pipeline'];

/** The folder map: which files obey which restrictions. Later rows are more specific. */
const importRules = [
  { files: [...core_folders.map((f) => `src/${f}/**/*.ts`), 'src/errors.ts', 'src/index.ts'], obey: core },
  { files: ['src/schema/**/*.ts'], obey: [...core, 'schemaOnly'] },
  { files: ['src/text/**/*.ts'], obey: [...core, 'pdfWriter'] },
  { files: ['src/layout/**/*.ts'], obey: [...core, 'pdfWriter', 'textValues'] },

  // TEMPORARY, until the moves of issue 11 land; the lead deletes each row with its move.
  // The package entry re-exports the Node helpers (readProjectSources, buildToDisk).
  { files: ['src/index.ts'], obey: ['nodeBuiltins'] },
];

const importConfigs = importRules.map(({ files, obey }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: obey.map((name) => restrictions[name]) }] },
}));

/**
 * `x as number` is how this code used to answer noUncheckedIndexedAccess: an index read can be
 * undefined, and the assertion says "trust me". Handle the undefined instead (a default, a
 * guard that throws a located error, or an iteration that cannot run off the end).
 */
const noAsNumber = {
  selector: "TSAsExpression > TSNumberKeyword.typeAnnotation",
  message: 'Handle the undefined (noUncheckedIndexedAccess) instead of asserting `as number`.',
};


export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vitest-cache/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // `const { id: _drop, ...rest } = row` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // The control characters in the text sanitisers' character classes are the point.
      'no-control-regex': 'off',
    },
  },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-syntax': ['error', noAsNumber] } },
  {
    // A test or benchmark that meets a missing value fails loudly either way, and tests read
    // JSON.parse and untyped library output (ical.js, fast-xml-parser) to assert on its shape.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  ...importConfigs,
);
