import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli.js';
import { tempDir } from '../helpers/project.js';
import { runBuiltCli } from '../helpers/cli.js';


/** Ten aliases of ten aliases of …: 10⁹ strings when expanded, a few hundred bytes as text. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

let cwd: string;
beforeAll(async () => {
  cwd = await tempDir('roadmap-press-exit-');
  await writeFile(join(cwd, 'bomb.yaml'), aliasBomb());
  await writeFile(join(cwd, 'list.yaml'), '- name: Ada\n');
  await writeFile(join(cwd, 'words.txt'), 'hello\n');
  await mkdir(join(cwd, 'bad-fonts'));
  await writeFile(join(cwd, 'bad-fonts', 'stacks.json'), '{ "stacks": ');
});

function runBuilt(argv: string[], env: Record<string, string> = {}) {
  return runBuiltCli(cwd, argv, { SOURCE_DATE_EPOCH: '1796083200', ...env });
}

describe('exit codes of bad input and bad usage (the built CLI)', () => {
  it.each([
    ['an alias bomb as data (validate)', ['validate', 'bomb.yaml'], {}, 1, 'bomb.yaml:1:1: its aliases (*name) expand too far'],
    ['an alias bomb as data (build)', ['build', '--data', 'bomb.yaml', '--out', 'o'], {}, 1, 'expand too far'],
    ['an alias bomb as config', ['build', '--config', 'bomb.yaml', '--out', 'o'], {}, 1, 'bomb.yaml:1:1: its aliases (*name) expand too far'],
    ['an alias bomb as batch list', ['batch', 'bomb.yaml', '--out', 'o'], {}, 1, 'bomb.yaml:1:1: its aliases (*name) expand too far'],
    ['--jobs 0', ['batch', 'list.yaml', '--jobs', '0'], {}, 2, '--jobs: expected a whole number of at least 1, got 0'],
    ['--jobs -1', ['batch', 'list.yaml', '--jobs', '-1'], {}, 2, '--jobs: expected a whole number of at least 1, got -1'],
    ['--jobs abc', ['batch', 'list.yaml', '--jobs', 'abc'], {}, 2, '--jobs: expected a whole number of at least 1, got something that is not a number'],
    ['--jobs 1.5', ['batch', 'list.yaml', '--jobs', '1.5'], {}, 2, '--jobs: expected a whole number of at least 1, got 1.5'],
    ['proof --size 0', ['proof', 'words.txt', '--size', '0'], {}, 2, '--size: expected a number of points above 0 and at most 200, got 0'],
    ['proof --size -5', ['proof', 'words.txt', '--size', '-5'], {}, 2, 'got -5'],
    ['proof --size 100000', ['proof', 'words.txt', '--size', '100000'], {}, 2, 'got 100000'],
    ['a SOURCE_DATE_EPOCH past the year 9999', ['build', '--out', 'o'], { SOURCE_DATE_EPOCH: '99999999999999' }, 1, 'SOURCE_DATE_EPOCH: "99999999999999" is too far ahead'],
    ['a SOURCE_DATE_EPOCH that is no number', ['build', '--out', 'o'], { SOURCE_DATE_EPOCH: 'yesterday' }, 1, 'SOURCE_DATE_EPOCH: "yesterday" is not a whole number of seconds'],
    ['a --config that does not exist', ['build', '--config', 'missing.yaml'], {}, 1, 'cannot read config file missing.yaml: no such file'],
    ['proof --fonts with no such folder', ['proof', 'words.txt', '--fonts', 'no-fonts'], {}, 1, 'no-fonts/stacks.json: no such file'],
    ['build --fonts with a broken stacks.json', ['build', '--fonts', 'bad-fonts', '--out', 'o'], {}, 1, 'cannot read the fonts in bad-fonts'],
    ['proof --fonts with a broken stacks.json', ['proof', 'words.txt', '--fonts', 'bad-fonts'], {}, 1, 'cannot read the fonts in bad-fonts'],
    ['a misspelt command', ['buidl'], {}, 2, 'unknown command "buidl" (did you mean "build"?)'],
    ['a misspelt flag', ['build', '--nmae', 'Ada'], {}, 2, 'unknown option --nmae (did you mean "--name"?)'],
  ] as const)('%s: exit code and a clear message', (_what, argv, env, code, message) => {
    const r = runBuilt([...argv], env);
    expect(r.err).toContain(message);
    expect(r.code).toBe(code);
    expect(r.err).not.toMatch(/\n\s+at |internal error/);
  });
});

/** Flags whose values name files: kept inside the temp folder, so nothing random is written elsewhere. */
const PATH_FLAGS = ['--out', '--data', '--templates', '--fonts', '--config', '--readme-template', '--workbook-template', '--shard'];
const VALUE_FLAGS = ['--name', '--start', '--track', '--level', '--locale', '--paper', '--reminders', '--jobs', '--style', '--size'];
const SWITCHES = ['--fillable', '--allow-missing-glyphs', '--keep-going', '--fail-fast', '--skip-unchanged', '--json', '--quiet', '--no-keep-going'];
const COMMANDS = ['build', 'validate', 'batch', 'merge-manifests', 'proof', 'schema', 'tracks', 'levels', 'list.yaml', 'words.txt', 'bomb.yaml'];

/** Text without path separators, so a random value stays inside the working folder. */
const word = fc.string({ maxLength: 12 }).map((s) => s.replace(/[/\\]/g, '_'));
const value = fc.oneof(word, fc.constantFrom('0', '-1', '1.5', 'abc', '', ' ', 'NaN', '1e999', '-0', 'L0', 'a4', 'EN', '2027-13', '9999-12'), fc.integer().map(String));
const flagWithValue = fc.oneof(
  fc.tuple(fc.constantFrom(...VALUE_FLAGS), value).map(([f, v]) => [f, v]),
  fc.tuple(fc.constantFrom(...PATH_FLAGS), word).map(([f, v]) => [f, `p-${v}`]),
  fc.tuple(fc.constantFrom(...VALUE_FLAGS, ...PATH_FLAGS), value).map(([f, v]) => [`${f}=${v.replace(/[/\\]/g, '_')}`]),
  fc.constantFrom(...SWITCHES).map((f) => [f]),
);
// Any token but one that starts watch mode, which never returns; and none that is a path.
const token = fc.oneof(word, fc.constantFrom(...COMMANDS, '--', '-', '--debug', '-h')).filter((t) => !t.includes('watch') && !t.startsWith('/'));
// Half the runs use the shipped data, so values checked against it (track, level) are reached;
// the others stop at a missing data file, which keeps the run short.
const argvs = fc
  .tuple(fc.option(fc.constantFrom(...COMMANDS), { nil: undefined }), fc.array(fc.oneof(flagWithValue, token.map((t) => [t])), { maxLength: 5 }), fc.boolean())
  .map(([command, parts, shipped]) => [...(command ? [command] : []), ...parts.flat(), '--out', 'o', ...(shipped ? [] : ['--data', 'no-such-data.yaml'])]);

describe('no command line is a bug', () => {
  it('never exits 70 for generated flag values and argv tokens (in-process)', async () => {
    const prev = process.cwd();
    process.chdir(cwd);
    try {
      await fc.assert(
        fc.asyncProperty(argvs, async (argv) => {
          let err = '';
          const code = await cli(argv, '0.0.0', { out: () => {}, err: (t) => (err += t) });
          expect(err, JSON.stringify(argv)).not.toContain('internal error');
          expect([0, 1, 2], `${JSON.stringify(argv)}\n${err}`).toContain(code);
        }),
        { numRuns: 60 },
      );
    } finally {
      process.chdir(prev);
    }
  }, 120_000);
});
