import { readdirSync } from 'node:fs';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { fromRoot, ROOT } from '../helpers/paths.js';

/*
 * Proves that eslint.config.js refuses what docs/architecture.md's folder map forbids. The
 * expectations are written out here, not read from the config's `importRules` table: a test
 * generated from the table would shrink with it and pass after a rule is deleted.
 */

/*
 * The import rules and the `as number` rule are syntactic, so the typed rules are switched off
 * (typescript-eslint's own `disableTypeChecked`). With them on, the project service refuses any
 * path that is not a file in tsconfig.json ("was not found by the project service"), so every
 * case would have to borrow a real file's path, and building the TypeScript program takes ~7 s
 * against ~0.3 s without it. Fake paths also let a case name a sub-folder no file lives in yet.
 * The config's `files` globs, and so which rules apply, are unchanged.
 */
const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: fromRoot(file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  // A parse or config error would hide every rule; fail on it rather than pass vacuously.
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages;
}

const importErrors = async (file: string, code: string) =>
  (await lint(file, code)).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

/** A value import of `spec`, used so that `allowTypeImports` cannot let it through. */
const valueImport = (spec: string) => `import * as probe from '${spec}';\nexport { probe };\n`;

/** A fragment of each restriction's message, so a refusal is shown to come from the right rule. */
const because = {
  nodeBuiltins: 'only src/node, src/batch and src/cli touch Node built-ins',
  edges: 'The core must not import the edges',
  pdfWriter: 'Shaping and layout know nothing of PDF',
  textValues: 'it may import types from text/, not the text engine',
  schemaOnly: 'schema/ imports only errors.ts and zod',
  folderMap: "(docs/architecture.md's folder map)",
  pdfTypesOnly: 'it may import types from layout/, not layout code',
  noCli: 'The CLI is the outermost edge',
} as const;

interface Case {
  /** The importing file, relative to the root; it need not exist. */
  file: string;
  spec: string;
  /** Source text when a plain value import is not the point (type imports, re-exports). */
  code?: string;
}

async function expectRefused({ file, spec, code }: Case, reason: keyof typeof because): Promise<void> {
  const messages = await importErrors(file, code ?? valueImport(spec));
  // ESLint names the specifier ("'pdfkit' import is restricted …"), the config's message says
  // why. One message per matching restriction: schema/ refusing '../cli/x.js' gives two.
  expect(messages, `${file} importing '${spec}'`).not.toEqual([]);
  for (const m of messages) expect(m).toContain(`'${spec}'`);
  expect(messages.filter((m) => m.includes(because[reason])), `${file} importing '${spec}': ${because[reason]}`).toHaveLength(1);
}

async function expectAllowed({ file, spec, code }: Case): Promise<void> {
  expect(await importErrors(file, code ?? valueImport(spec)), `${file} importing '${spec}'`).toEqual([]);
}

/** The folders of src/ that must stay pure, and the edges that do the I/O. */
const CORE = ['schema', 'load', 'personalize', 'markdown', 'render', 'layout', 'text', 'pdf', 'workbook', 'pipeline'];
const EDGES = ['node', 'batch', 'cli'];

/** One import each core folder legitimately makes, to show its rules do not refuse everything. */
const legalImport: Record<string, string> = {
  schema: 'zod',
  load: '../schema/roadmap.js',
  personalize: '../load/load-roadmap.js',
  markdown: '../schema/labels.js',
  render: 'handlebars',
  layout: '../markdown/directives.js',
  text: './shape.js',
  pdf: 'pdfkit',
  workbook: '../pdf/typeset.js',
  pipeline: '../workbook/render-workbook.js',
};

describe('the folder map covers src/', () => {
  it('every folder of src/ is either core or an edge, so a new folder gets a decision', () => {
    const folders = readdirSync(fromRoot('src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual([...CORE, ...EDGES].sort());
  });
});

describe('the core imports no Node built-in and no edge', () => {
  const coreFiles = [...CORE.map((f) => `src/${f}/probe.ts`), 'src/errors.ts'];
  const fromCore = (file: string, folder: string) => (file === 'src/errors.ts' ? `./${folder}/x.js` : `../${folder}/x.js`);

  it.each(coreFiles.flatMap((file) => ['node:fs', 'fs', 'path/posix'].map((spec) => ({ file, spec }))))(
    '$file may not import $spec',
    (c) => expectRefused(c, 'nodeBuiltins'),
  );

  it.each(coreFiles.flatMap((file) => EDGES.map((edge) => ({ file, spec: fromCore(file, edge) }))))(
    '$file may not import $spec',
    (c) => expectRefused(c, 'edges'),
  );

  it.each([
    { file: 'src/layout/widgets/probe.ts', spec: '../../node/config.js' },
    { file: 'src/load/probe.ts', spec: '../cli/cli.js', code: "export { run } from '../cli/cli.js';\n" },
  ])('$file may not reach an edge by a deeper path or a re-export ($spec)', (c) => expectRefused(c, 'edges'));

  it.each(CORE.map((f) => ({ file: `src/${f}/probe.ts`, spec: legalImport[f] ?? '' })))(
    '$file may import $spec',
    (c) => expectAllowed(c),
  );

  it('src/errors.ts may import a package', () => expectAllowed({ file: 'src/errors.ts', spec: 'zod' }));
});

describe('the edges may import anything', () => {
  it.each(EDGES.flatMap((edge) => ['node:fs', '../pdf/typeset.js', 'pdfkit', '../text/engine.js'].map((spec) => ({ file: `src/${edge}/probe.ts`, spec }))))(
    '$file may import $spec',
    (c) => expectAllowed(c),
  );
});

describe('src/index.ts, the package entry, is core: the Node helpers are roadmap-press/node', () => {
  it('may not re-export an edge', () =>
    expectRefused({ file: 'src/index.ts', spec: './node/build-to-disk.js', code: "export { buildToDisk } from './node/build-to-disk.js';\n" }, 'edges'));
  it('may not import a Node built-in', () => expectRefused({ file: 'src/index.ts', spec: 'node:path' }, 'nodeBuiltins'));
  it('may re-export the core', () =>
    expectAllowed({ file: 'src/index.ts', spec: './pipeline/build-learner.js', code: "export { buildLearner } from './pipeline/build-learner.js';\n" }));
  it('src/node/index.ts may re-export the Node helpers', () =>
    expectAllowed({ file: 'src/node/index.ts', spec: './build-to-disk.js', code: "export { buildToDisk } from './build-to-disk.js';\n" }));
});

describe("each core folder imports only what docs/architecture.md's folder map lists", () => {
  // A later stage reached from an earlier one, per folder (the map's "what it may import" column).
  it.each([
    { file: 'src/load/probe.ts', spec: '../personalize/view-model.js' },
    { file: 'src/personalize/probe.ts', spec: '../render/render-ics.js' },
    { file: 'src/markdown/probe.ts', spec: '../render/template-set.js' },
    { file: 'src/markdown/probe.ts', spec: '../pdf/typeset.js' },
    { file: 'src/render/probe.ts', spec: '../workbook/render-workbook.js' },
    { file: 'src/render/probe.ts', spec: '../layout/frame.js' },
    { file: 'src/layout/probe.ts', spec: '../render/template-set.js' },
    { file: 'src/layout/widgets/probe.ts', spec: '../../workbook/render-workbook.js' },
    { file: 'src/text/probe.ts', spec: '../layout/frame.js' },
    { file: 'src/text/probe.ts', spec: '../schema/roadmap.js' },
    { file: 'src/pdf/probe.ts', spec: '../render/template-set.js' },
    { file: 'src/workbook/probe.ts', spec: '../pipeline/build-learner.js' },
  ])('$file may not import $spec', (c) => expectRefused(c, 'folderMap'));

  it.each([
    { file: 'src/render/probe.ts', spec: '../personalize/view-model.js' },
    { file: 'src/personalize/probe.ts', spec: '../load/load-roadmap.js' },
    { file: 'src/pdf/probe.ts', spec: '../text/line-layout.js' },
    { file: 'src/pipeline/probe.ts', spec: '../workbook/render-workbook.js' },
  ])('$file may import $spec', (c) => expectAllowed(c));

  it('pdf/ may import types from layout/, not layout code', async () => {
    await expectRefused({ file: 'src/pdf/probe.ts', spec: '../layout/frame.js' }, 'pdfTypesOnly');
    await expectAllowed({ file: 'src/pdf/probe.ts', spec: '../layout/frame.js', code: "import type { Frame } from '../layout/frame.js';\nexport type { Frame };\n" });
  });
});

describe('node/ and batch/ never call the CLI', () => {
  it.each(['src/node/probe.ts', 'src/batch/probe.ts'])('%s may not import ../cli/', (file) => expectRefused({ file, spec: '../cli/options.js' }, 'noCli'));
  it('cli/ may import batch/ and node/', async () => {
    await expectAllowed({ file: 'src/cli/probe.ts', spec: '../batch/run-batch.js' });
    await expectAllowed({ file: 'src/cli/probe.ts', spec: '../node/config.js' });
  });
});

describe('text/ and layout/ know nothing of PDF', () => {
  // './pdfkit-internals.js': the file is refused by name too, wherever a copy of it might land.
  const pdfSpecs = (depth: string) => ['pdfkit', 'pdfkit/js/pdfkit.standalone.js', `${depth}pdf/embed-font.js`, `${depth}pdf`, './pdfkit-internals.js'];
  const cases = [
    ...pdfSpecs('../').map((spec) => ({ file: 'src/text/probe.ts', spec })),
    ...pdfSpecs('../').map((spec) => ({ file: 'src/layout/probe.ts', spec })),
    ...pdfSpecs('../../').map((spec) => ({ file: 'src/layout/blocks/probe.ts', spec })),
  ];
  it.each(cases)('$file may not import $spec', (c) => expectRefused(c, 'pdfWriter'));

  it('pdf/ itself may import pdfkit and its own modules', async () => {
    await expectAllowed({ file: 'src/pdf/probe.ts', spec: 'pdfkit' });
    await expectAllowed({ file: 'src/pdf/probe.ts', spec: './pdfkit-internals.js' });
  });
});

describe('layout/ is pure over a measurer', () => {
  it.each([
    { file: 'src/layout/probe.ts', spec: '../text/engine.js' },
    { file: 'src/layout/widgets/probe.ts', spec: '../../text/engine.js' },
    { file: 'src/layout/probe.ts', spec: '../text/types.js', code: "export { Measurer } from '../text/types.js';\n" },
  ])('$file may not import values from $spec', (c) => expectRefused(c, 'textValues'));

  it.each([
    { file: 'src/layout/probe.ts', code: "import type { Measurer } from '../text/types.js';\nexport type { Measurer };\n" },
    { file: 'src/layout/probe.ts', code: "import { type Measurer } from '../text/types.js';\nexport type { Measurer };\n" },
    { file: 'src/layout/blocks/probe.ts', code: "export type { Measurer } from '../../text/types.js';\n" },
  ])('$file may import types from text/: $code', (c) => expectAllowed({ ...c, spec: 'text/' }));
});

describe('schema/ imports only zod and errors.ts', () => {
  it.each(['../load/load-roadmap.js', '../text/types.js', 'yaml', 'zodiac', '../../errors.js', './sub/../../load/x.js'])(
    'src/schema/probe.ts may not import %s',
    (spec) => expectRefused({ file: 'src/schema/probe.ts', spec }, 'schemaOnly'),
  );

  it.each(['zod', 'zod/v4', '../errors.js', './params.js', './sub/rules.js'])('src/schema/probe.ts may import %s', (spec) =>
    expectAllowed({ file: 'src/schema/probe.ts', spec }),
  );
});

describe('`as number` is refused in src/, not in tests/', () => {
  const code = 'const xs: number[] = [1];\nexport const x = xs[0] as number;\nexport const y = xs[0] as unknown as number;\n';
  const asNumber = async (file: string) =>
    (await lint(file, code)).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);

  it.each(['src/schema/probe.ts', 'src/load/probe.ts', 'src/text/probe.ts', 'src/pdf/probe.ts', 'src/layout/blocks/probe.ts', 'src/pipeline/probe.ts', 'src/cli/commands/probe.ts', 'src/errors.ts'])(
    '%s: reported',
    async (file) => {
      const messages = await asNumber(file);
      expect(messages).toHaveLength(2);
      for (const m of messages) expect(m).toContain('instead of asserting `as number`');
    },
  );

  it.each(['tests/load/probe.test.ts', 'bench/probe.ts'])('%s: allowed', async (file) => {
    expect(await asNumber(file)).toEqual([]);
  });
});

describe('the rules no-restricted-imports cannot see', () => {
  const syntaxErrors = async (file: string, code: string) =>
    (await lint(file, code)).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);

  it('`<number>x` is refused in src/ like `x as number`', async () => {
    const messages = await syntaxErrors('src/text/probe.ts', 'const xs: number[] = [1];\nexport const x = <number>xs[0];\n');
    expect(messages).toEqual([expect.stringContaining('instead of asserting `<number>`')]);
  });

  it.each([
    { file: 'src/pipeline/probe.ts', spec: 'node:fs' },
    { file: 'src/text/probe.ts', spec: '../node/load-fonts.js' },
    { file: 'src/layout/widgets/probe.ts', spec: '../../cli/options.js' },
    { file: 'src/index.ts', spec: './batch/run-batch.js' },
  ])('$file may not import($spec) dynamically', async ({ file, spec }) => {
    const messages = await syntaxErrors(file, `export const m = () => import('${spec}');\n`);
    expect(messages).toEqual([expect.stringContaining('no dynamic import of a Node built-in or an edge')]);
  });

  it('a core folder may import() another core module, and an edge anything', async () => {
    expect(await syntaxErrors('src/pipeline/probe.ts', "export const m = () => import('../text/engine.js');\n")).toEqual([]);
    expect(await syntaxErrors('src/cli/probe.ts', "export const m = () => import('node:fs');\n")).toEqual([]);
  });

  it.each([
    { file: 'src/pdf/typeset.ts', code: 'export const f = (doc: { _root: unknown }) => doc._root;\n' },
    { file: 'src/pdf/forms.ts', code: 'export const f = (page: { dictionary: unknown }) => page.dictionary;\n' },
    { file: 'src/layout/probe.ts', code: 'export const f = (doc: { _acroform: unknown }) => doc._acroform;\n' },
  ])('$file may not reach a PDFKit private member', async ({ file, code }) => {
    expect(await syntaxErrors(file, code)).toEqual([expect.stringContaining('used only in src/pdf/pdfkit-internals.ts')]);
  });

  it('src/pdf/pdfkit-internals.ts may, and yargs\' `args._` is not a private member', async () => {
    expect(await syntaxErrors('src/pdf/pdfkit-internals.ts', 'export const f = (doc: { _root: unknown }) => doc._root;\n')).toEqual([]);
    expect(await syntaxErrors('src/cli/probe.ts', 'export const f = (args: { _: string[] }) => args._;\n')).toEqual([]);
  });
});
