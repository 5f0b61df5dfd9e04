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
    regex: `${toFolder('pdf')}|^pdfkit(?:/|$)|(?:^|/)pdfkit-internals(?:\\.js)?$`,
    message: 'Shaping and layout know nothing of PDF: pdf/ and PDFKit are for the writer.',
  },
  pdfTypesOnly: {
    regex: toFolder('layout'),
    allowTypeImports: true,
    message: 'The PDF writer draws what layout placed: it may import types from layout/, not layout code.',
  },
  noCli: {
    regex: toFolder('cli'),
    message: 'The CLI is the outermost edge: node/ and batch/ are called by it, never the other way.',
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

/** The core folders of src/, in pipeline order, and what each may import from the others. */
const mayImport = {
  schema: [],
  load: ['schema'],
  personalize: ['schema', 'load'],
  markdown: ['schema'],
  render: ['schema', 'markdown', 'personalize'],
  layout: ['markdown', 'text'],
  text: [],
  pdf: ['text', 'layout'],
  workbook: ['schema', 'load', 'personalize', 'markdown', 'render', 'layout', 'text', 'pdf'],
  pipeline: ['schema', 'load', 'personalize', 'markdown', 'render', 'layout', 'text', 'pdf', 'workbook'],
};
const CORE_FOLDERS = Object.keys(mayImport);

/**
 * docs/architecture.md's "what it may import" column: every core folder not listed for this one
 * (the edges and pdf/ have their own restrictions, with their own reasons).
 */
function folderMap(folder, covered) {
  const others = CORE_FOLDERS.filter((f) => f !== folder && !mayImport[folder].includes(f) && !covered.includes(f));
  return others.length === 0
    ? []
    : [{ regex: toFolder(...others), message: `${folder}/ may import only ${mayImport[folder].join(', ') || 'itself'} from src/ (docs/architecture.md's folder map).` }];
}

/** The folder map: which files obey which restrictions. Later rows are more specific. */
const importRules = [
  ...CORE_FOLDERS.map((folder) => {
    const obey = folder === 'schema' ? [...core, 'schemaOnly'] : folder === 'text' ? [...core, 'pdfWriter'] : folder === 'layout' ? [...core, 'pdfWriter', 'textValues'] : core;
    const extra = folder === 'schema' ? [] : folderMap(folder, obey.includes('pdfWriter') ? ['pdf'] : []);
    return { files: [`src/${folder}/**/*.ts`], obey, extra };
  }),
  // The package entry is the core's face, browser-safe; the Node helpers are `roadmap-press/node`.
  { files: ['src/*.ts'], obey: core },
  { files: ['src/pdf/**/*.ts'], obey: [...core, 'pdfTypesOnly'], extra: folderMap('pdf', []) },
  { files: ['src/batch/**/*.ts', 'src/node/**/*.ts'], obey: ['noCli'] },
];

const importConfigs = importRules.map(({ files, obey, extra = [] }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...obey.map((name) => restrictions[name]), ...extra] }] },
}));

/**
 * `x as number` is how this code used to answer noUncheckedIndexedAccess: an index read can be
 * undefined, and the assertion says "trust me". Handle the undefined instead (a default, a
 * guard that throws a located error, or an iteration that cannot run off the end).
 */
const noAsNumber = [
  { selector: 'TSAsExpression > TSNumberKeyword.typeAnnotation', message: 'Handle the undefined (noUncheckedIndexedAccess) instead of asserting `as number`.' },
  { selector: 'TSTypeAssertion > TSNumberKeyword.typeAnnotation', message: 'Handle the undefined (noUncheckedIndexedAccess) instead of asserting `<number>`.' },
];

/** PDFKit's private members (`doc._root`, `page.dictionary`…) are one file's business. */
const noPdfkitPrivates = [
  { selector: 'MemberExpression[property.name=/^_[A-Za-z]/]', message: 'PDFKit private members are used only in src/pdf/pdfkit-internals.ts: add a typed function there.' },
  { selector: "MemberExpression[property.name='dictionary']", message: 'PDFKit private members are used only in src/pdf/pdfkit-internals.ts: add a typed function there.' },
];

/**
 * `import('node:fs')` or `import('../node/x.js')` in the core: no-restricted-imports sees only
 * static imports. (esquery ends a regex at its first `/`, so the slash is written `\x2F`.)
 */
const noDynamicEdges = [
  {
    selector: String.raw`ImportExpression > Literal[value=/^node:|^\.{1,2}\x2F(\.\.\x2F)*(node|batch|cli)(\x2F|\.js$|$)/]`,
    message: 'The core is pure: no dynamic import of a Node built-in or an edge (src/node, src/batch, src/cli).',
  },
];

const syntaxRules = [
  { files: ['src/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...noAsNumber, ...noPdfkitPrivates] } },
  {
    files: [...CORE_FOLDERS.map((f) => `src/${f}/**/*.ts`), 'src/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noAsNumber, ...noPdfkitPrivates, ...noDynamicEdges] },
  },
  { files: ['src/pdf/pdfkit-internals.ts'], rules: { 'no-restricted-syntax': ['error', ...noAsNumber, ...noDynamicEdges] } },
];

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
  ...syntaxRules,
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
