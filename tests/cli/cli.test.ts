import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { pdffonts } from '../helpers/pdf-tools.js';
import { tempDir } from '../helpers/project.js';
import { fromRoot } from '../helpers/paths.js';

const run = runCli;

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

let cwd: string;
let out: string;
beforeEach(async () => {
  cwd = process.cwd();
  out = await tempDir();
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200'); // 2026-12-01
});
afterEach(() => {
  process.chdir(cwd);
  vi.unstubAllEnvs();
});

describe('roadmap-press validate', () => {
  it('accepts the shipped data with exit 0', async () => {
    const r = await run('validate');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/roadmap\.yaml: ok \(5 levels, 7 plan entries, 5 specializations\)/);
  });

  it('lists every problem with file:line:column and exits 1, without a stack trace', async () => {
    const r = await run('validate', 'tests/fixtures/broken/18-three-problems.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toContain('the roadmap data has 3 problems');
    expect(r.err).toContain('tests/fixtures/broken/18-three-problems.yaml:86:12 levels[2].salary.max: expected a number, got "220k"');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('shows the stack trace with --debug', async () => {
    const r = await run('validate', 'tests/fixtures/broken/01-salary-as-text.yaml', '--debug');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\n\s+at /);
  });

  it("checks every roadmap of the project, each with its locale report", async () => {
    const r = await run('validate', '--project', fromRoot());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/roadmaps\/data-engineer\/roadmap\.yaml: ok \(4 levels, 5 plan entries, 2 specializations\)/);
    expect(r.out).toMatch(/roadmaps\/mlops-engineer\/roadmap\.yaml: ok \(5 levels, 7 plan entries, 5 specializations\)/);
    expect(r.out.match(/^ {2}en: translated, complete$/gm)).toHaveLength(2);
  });

  it('reports the problems of every broken roadmap in one run, and checks one with --roadmap', async () => {
    const dir = await tempDir();
    await cp(fromRoot('roadmaps'), join(dir, 'roadmaps'), { recursive: true });
    await cp(fromRoot('labels'), join(dir, 'labels'), { recursive: true });
    for (const id of ['mlops-engineer', 'data-engineer']) {
      const file = join(dir, 'roadmaps', id, 'roadmap.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^( {2}id: ).*$/m, '$1wrong-id'));
    }
    const r = await run('validate', '--project', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('2 of 2 roadmaps have problems (2 in all):');
    expect(r.err).toMatch(/data-engineer\/roadmap\.yaml:\d+:\d+ meta\.id: the id "wrong-id" must equal the roadmap's folder name "data-engineer"/);
    expect(r.err).toMatch(/mlops-engineer\/roadmap\.yaml:\d+:\d+ meta\.id: the id "wrong-id" must equal the roadmap's folder name "mlops-engineer"/);
    const one = await run('validate', '--project', dir, '--roadmap', 'data-engineer');
    expect(one.code).toBe(1);
    expect(one.err).not.toContain('mlops-engineer');
  });

  it('refuses a label that uses a placeholder its key does not have, located and reported once for all roadmaps', async () => {
    const dir = await tempDir();
    await cp(fromRoot('roadmaps'), join(dir, 'roadmaps'), { recursive: true });
    await mkdir(join(dir, 'labels'));
    await writeFile(join(dir, 'labels', 'en.yaml'), 'personalPlan: "Your {weeks}-week plan"\n');
    const r = await run('validate', '--project', dir);
    expect(r.code).toBe(1);
    expect(r.err.match(/labels\/en\.yaml:1:15 personalPlan: \{weeks\} is not a placeholder of personalPlan: it takes \{months\}/g)).toHaveLength(1);
  });

  it('exits 1 for a data file that does not exist', async () => {
    const r = await run('validate', 'nope.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read data file nope.yaml: no such file');
  });
});

describe('usage errors', () => {
  it('exits 2 for an unknown option or command', async () => {
    expect((await run('build', '--colour', 'red')).code).toBe(2);
    const r = await run('biuld');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--help');
  });

  it('exits 1 (bad input) for a locale the project has no labels for, naming the file that would add it', async () => {
    const r = await run('build', '--locale', 'fr', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--locale: unknown locale "fr"; the project has labels for bn, en (add labels/fr.yaml for another)');
  });

  it('prints help with examples and the version', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Examples:');
    expect(help.out).toContain('roadmap-press validate my/roadmap.yaml');
    expect(help.out).toMatch(/validate \[file\]/);
    const version = await run('--version');
    expect(version.out.trim()).toBe('1.2.3');
  });

  it("prints the build command's own help for `build --help`, and parses `build` like the default command", async () => {
    const help = await run('build', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^roadmap-press build\n/);
    expect(help.out).toContain('--track');
    expect(help.out).not.toContain('Examples:');
    // `build` is dropped before parsing (see asDefaultCommand): same options, same errors.
    const bad = await run('build', '--paper', 'A3', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--paper: expected one of A4, Letter, got "A3" (did you mean "A4"?)');
    for (const other of ['schema', 'tracks', 'build', 'proof']) {
      const r = await run('build', other);
      expect(r.code, other).toBe(2);
      expect(r.err).toContain(`unexpected argument "${other}"`);
      expect(r.out).toBe('');
    }
  });
});

describe('roadmap-press build', () => {
  it('writes README.md and plan.ics into out/<slug>/ and reports their sizes', async () => {
    const r = await run('build', '--name', 'Rahim Uddin', '--track', 'llmops', '--start', '2027-11', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/README\.md\s+\d+(\.\d)? KB/);
    const files = await listTree(out);
    expect(files).toEqual(expect.arrayContaining(['mlops-engineer/rahim-uddin-llmops/README.md', 'mlops-engineer/rahim-uddin-llmops/plan.ics']));
    expect(await readFile(join(out, 'mlops-engineer', 'rahim-uddin-llmops', 'README.md'), 'utf8')).toContain('# MLOps Engineer Roadmap — Rahim Uddin');
  });

  it('defaults the start to the first of next month from SOURCE_DATE_EPOCH', async () => {
    await run('build', '--out', out, '--locale', 'en');
    const readme = await readFile(join(out, 'mlops-engineer', 'learner-general', 'README.md'), 'utf8');
    expect(readme).toContain('Start: January 2027');
  });

  it('rejects an impossible date with exit 1 naming the value, writing nothing', async () => {
    const r = await run('build', '--start', '2027-02-30', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('"2027-02-30" is not a real date');
    expect(await listTree(out)).toEqual([]);
  });

  it('rejects an unknown track listing the valid ids with a suggestion', async () => {
    const r = await run('build', '--track', 'edgeml', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('valid tracks: general, llmops, platform, edge-ml, ml-infra, responsible-ai (did you mean "edge-ml"?)');
  });

  it.each(['../../x', '/etc/passwd', 'con', '..'])('keeps the name %j inside --out', async (name) => {
    const r = await run('build', '--name', name, '--out', out);
    expect(r.code).toBe(0);
    const files = await listTree(out);
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['README.md', 'plan.ics', 'workbook.pdf']);
    for (const f of files) expect(resolve(out, f).startsWith(`${out}/`)).toBe(true);
  });

  it('reads parameters from the config file, and flags win', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'roadmap-press.config.yaml'), `name: Config Name\ntrack: platform\nlocale: en\nout: ./built\n`);
    process.chdir(dir);
    const r = await run('build', '--track', 'ml-infra');
    expect(r.code).toBe(0);
    expect(await listTree(join(dir, 'built'))).toContain('mlops-engineer/config-name-ml-infra/README.md');
  });

  it('exits 1 (bad input) for a --config file that does not exist, naming it', async () => {
    process.chdir(out);
    const r = await run('build', '--config', 'nope.yaml', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read config file nope.yaml: no such file');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('reports a bad config file with its location', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'cfg.json'), '{ "name": "A", "paper": "A5" }');
    const r = await run('build', '--config', join(dir, 'cfg.json'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cfg\.json:1:\d+ paper: expected one of "A4", "Letter", got "A5"/);
    // The problems are part of the error's message; printed once, not again after it.
    expect(r.err.match(/got "A5"/g)).toHaveLength(1);
  });
});

describe('roadmap-press batch', () => {
  it('says when it starts fewer workers than --jobs asks, unless --quiet', async () => {
    const list = join(out, 'one.yaml');
    await writeFile(list, '- {name: Ada, locale: en}\n');
    const loud = await run('batch', list, '--jobs', '4', '--out', join(out, 'loud'));
    expect(loud.code).toBe(0);
    expect(loud.err).toContain('batch: using 1 worker (asked for 4; 1 learner to build)');
    const quiet = await run('batch', list, '--jobs', '4', '--quiet', '--out', join(out, 'quiet'));
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
  });
});

describe('roadmap-press schema and tracks', () => {
  it('prints the JSON Schema', async () => {
    const r = await run('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toContain('specializations');
  });

  it('lists the track ids', async () => {
    const r = await run('tracks');
    expect(r.out.split('\n').map((l) => l.split(/\s+/)[0])).toEqual(expect.arrayContaining(['general', 'llmops', 'platform', 'edge-ml', 'ml-infra', 'responsible-ai']));
  });
});

describe('roadmap-press proof', () => {
  it('typesets a text file and prints the coverage per font', async () => {
    const pdf = join(out, 'corpus.pdf');
    const r = await run('proof', 'tests/fixtures/bengali-words.txt', '--out', pdf, '--style', 'bold');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/NotoSansBengali-Bold\.ttf\s+\d+/);
    expect(r.out).toContain('characters with no glyph: none');
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exits 1 naming a character no font covers, and draws it only when allowed', async () => {
    const file = join(out, 'emoji.txt');
    await writeFile(file, '# a comment\nনাম 😀\n');
    const refused = await run('proof', file, '--out', join(out, 'refused.pdf'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('U+1F600 "😀" (regular) in "নাম 😀"');
    expect(await listTree(out)).not.toContain('refused.pdf');
    const allowed = await run('proof', file, '--out', join(out, 'allowed.pdf'), '--allow-missing-glyphs');
    expect(allowed.code).toBe(0);
    expect(allowed.err).toContain('warning:');
  });
});

describe('--fonts', () => {
  it('swaps a font stack by configuration, without code', async (ctx) => {
    const { cp } = await import('node:fs/promises');
    const fonts = join(out, 'fonts');
    await cp(fromRoot('fonts'), fonts, { recursive: true });
    const stacks = JSON.parse(await readFile(join(fonts, 'stacks.json'), 'utf8')) as { stacks: Record<string, string[]> };
    // Bengali body text in the bold face: a visible, checkable swap.
    for (const style of Object.keys(stacks.stacks)) {
      stacks.stacks[style] = stacks.stacks[style]!.map((f) => f.replace('NotoSansBengali-Regular.ttf', 'NotoSansBengali-Bold.ttf'));
    }
    await writeFile(join(fonts, 'stacks.json'), JSON.stringify(stacks));
    const r = await run('build', '--fonts', fonts, '--out', join(out, 'built'), '--name', 'Swap');
    expect(r.code).toBe(0);
    const list = pdffonts(ctx, join(out, 'built', 'mlops-engineer', 'swap-general', 'workbook.pdf'));
    expect(list).toMatch(/NotoSansBengali-Bold/);
    expect(list).not.toMatch(/NotoSansBengali-Regular/);
  });

  it('exits 1 when the stack names a font file that is not there', async () => {
    const { cp } = await import('node:fs/promises');
    const fonts = join(out, 'fonts');
    await cp(fromRoot('fonts'), fonts, { recursive: true });
    await writeFile(join(fonts, 'stacks.json'), (await readFile(join(fonts, 'stacks.json'), 'utf8')).replace('NotoSans-Regular.ttf', 'Missing.ttf'));
    const r = await run('build', '--fonts', fonts, '--out', join(out, 'built'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Missing.ttf');
  });
});
