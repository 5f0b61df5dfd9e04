import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/project.js';

const run = runCli;

let out: string;
beforeEach(async () => {
  out = await tempDir();
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
});
afterEach(() => vi.unstubAllEnvs());

describe('did-you-mean for the command line', () => {
  it.each([
    [['buidl'], 'unknown command "buidl" (did you mean "build"?)'],
    [['valdiate'], 'unknown command "valdiate" (did you mean "validate"?)'],
    [['trakcs'], 'unknown command "trakcs" (did you mean "tracks"?)'],
    [['build', '--nmae', 'Ada'], 'unknown option --nmae (did you mean "--name"?)'],
    [['--nmae=Ada'], 'unknown option --nmae (did you mean "--name"?)'],
    [['build', '--allow-missing-glyph'], 'unknown option --allow-missing-glyph (did you mean "--allow-missing-glyphs"?)'],
    [['batch', 'l.yaml', '--job', '2'], 'unknown option --job (did you mean "--jobs"?)'],
    [['proof', 'x.txt', '--szie', '12'], 'unknown option --szie (did you mean "--size"?)'],
    [['tracks', '--dta', 'x.yaml'], 'unknown option --dta (did you mean "--data"?)'],
    [['build', '--debgu'], 'unknown option --debgu (did you mean "--debug"?)'],
  ])('%j → %s, exit 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Run "roadmap-press --help" for usage.');
    expect(r.out).toBe('');
  });

  it('names an unknown option once, not again as its camelCase alias', async () => {
    const r = await run('build', '--allow-missing-glyph');
    expect(r.err.match(/allow/gi)).toHaveLength(2);
  });

  it('suggests nothing for a word far from every command or flag', async () => {
    const r = await run('build', '--zzzzzzzz');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option --zzzzzzzz\n');
    expect(r.err).not.toContain('did you mean');
  });

  it('suggests a flag of the command at hand, not of another command', async () => {
    // --jobs belongs to batch; build has none close, so no suggestion of it.
    const r = await run('build', '--jobs', '2');
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('--jobs"?');
  });
});

describe('case-insensitive choices', () => {
  it('builds with --paper a4 --locale EN --track LLMops --level l2 as with their exact spelling', async () => {
    const r = await run('build', '--paper', 'a4', '--locale', 'EN', '--track', 'LLMops', '--level', 'l2', '--name', 'Ada', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('(Ada, LLMOps, en, A4)');
  });

  it('rejects a choice that is not one, with the nearest, exit 2', async () => {
    const r = await run('build', '--paper', 'leter', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--paper: expected one of A4, Letter, got "leter" (did you mean "Letter"?)');
  });

  it('matches --style case-insensitively in proof', async () => {
    const r = await run('proof', 'no-such-file.txt', '--style', 'BOLD');
    // Past option parsing: the file is what is missing.
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read no-such-file.txt');
  });

  it('suggests the nearest level by number for a level above the top', async () => {
    const r = await run('build', '--level', 'L7', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--level: unknown level "L7"; valid levels: L1, L2, L3, L4, L5 (did you mean "L5"?)');
  });
});

describe('roadmap-press levels', () => {
  it("lists the data's level codes with their titles", async () => {
    const r = await run('levels');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
    expect(r.out).toContain('Junior MLOps Engineer');
  });
});

describe('a flag given twice', () => {
  it('takes the last value instead of crashing on an array', async () => {
    const r = await run('build', '--data', 'first.yaml', '--data', 'second.yaml', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read data file second.yaml: no such file');
  });

  it('leaves what follows -- alone: a usage error, not a crash', async () => {
    const r = await run('--', '--out', out, '--data', 'first.yaml');
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('internal error');
  });
});
