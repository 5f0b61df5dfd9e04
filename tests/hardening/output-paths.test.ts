import { existsSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExclusive } from '../../src/node/write-files.js';
import { tempDir } from '../helpers/project.js';
import { runBuiltCli } from '../helpers/cli.js';


type Run = ReturnType<typeof runBuiltCli>;

/** The built CLI, run the way a user runs it: its own process, in a folder of its own. */
function run(cwd: string, ...args: string[]): Run {
  return runBuiltCli(cwd, args);
}

function expectUserError(r: Run, message: RegExp): void {
  expect(r.err).toMatch(message);
  expect(r.code).toBe(1);
  expect(r.err).not.toMatch(/internal error|\n\s+at /);
}

/** A temp folder to run in, and a victim folder outside it that must stay empty. */
async function setup(): Promise<{ cwd: string; victim: string }> {
  const cwd = await tempDir('rp-paths-');
  const victim = await tempDir('rp-victim-');
  return { cwd, victim };
}

const RAHIM = ['build', '--name', 'Rahim', '--locale', 'en'];

describe('output paths: symlinks', () => {
  it('refuses to build into <out>/<slug> when it is a symlink out of --out, and writes nothing there', async () => {
    const { cwd, victim } = await setup();
    await mkdir(join(cwd, 'out3', 'mlops-engineer'), { recursive: true });
    await symlink(victim, join(cwd, 'out3', 'mlops-engineer', 'rahim-general'));
    const r = run(cwd, ...RAHIM, '--out', 'out3');
    expectUserError(r, /rahim-general: it is a symbolic link/);
    expect(await readdir(victim)).toEqual([]);
  });

  it('refuses <out>/<roadmap> when it is a symlink out of --out, and writes nothing there', async () => {
    const { cwd, victim } = await setup();
    await mkdir(join(cwd, 'out'));
    await symlink(victim, join(cwd, 'out', 'mlops-engineer'));
    const r = run(cwd, ...RAHIM, '--out', 'out');
    expectUserError(r, /mlops-engineer: it is a symbolic link/);
    expect(await readdir(victim)).toEqual([]);
  });

  it('refuses a symlinked learner folder in a batch too: no files and no build record in the target', async () => {
    const { cwd, victim } = await setup();
    await writeFile(join(cwd, 'learners.yaml'), '- {name: Rahim, locale: en}\n- {name: Ada, locale: en}\n');
    await mkdir(join(cwd, 'out', 'mlops-engineer'), { recursive: true });
    await symlink(victim, join(cwd, 'out', 'mlops-engineer', 'rahim-general'));
    const r = run(cwd, 'batch', 'learners.yaml', '--out', 'out', '--jobs', '1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/failed: rahim-general: .*symbolic link/);
    expect(await readdir(victim)).toEqual([]);
    // The other learner is built as usual.
    expect((await readdir(join(cwd, 'out', 'mlops-engineer', 'ada-general'))).sort()).toEqual(['.roadmap-press.json', 'README.md', 'plan.ics', 'workbook.pdf']);
  });

  it('refuses a file of the set that is a symlink, leaving its target as it was', async () => {
    const { cwd, victim } = await setup();
    await mkdir(join(cwd, 'out', 'mlops-engineer', 'rahim-general'), { recursive: true });
    await writeFile(join(victim, 'precious.txt'), 'keep me');
    await symlink(join(victim, 'precious.txt'), join(cwd, 'out', 'mlops-engineer', 'rahim-general', 'plan.ics'));
    const r = run(cwd, ...RAHIM, '--out', 'out');
    expectUserError(r, /plan\.ics: it is a symbolic link/);
    expect(await readFile(join(victim, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(await readdir(join(cwd, 'out', 'mlops-engineer', 'rahim-general'))).toEqual(['plan.ics']); // nothing half-written beside it
  });

  it('accepts --out that is itself a symlink, writing to its real location', async () => {
    const { cwd, victim: real } = await setup();
    await symlink(real, join(cwd, 'linked-out'));
    const r = run(cwd, ...RAHIM, '--out', 'linked-out');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((await readdir(join(real, 'mlops-engineer', 'rahim-general'))).sort()).toEqual(['README.md', 'plan.ics', 'workbook.pdf']);
  });

  it('never writes a temporary file through a symlink planted under its name', async () => {
    const { cwd, victim } = await setup();
    const target = join(victim, 'target.txt');
    await writeFile(target, 'original');
    const tmp = join(cwd, '.README.md.1.deadbeef.tmp');
    await symlink(target, tmp);
    expect(() => createExclusive(tmp)).toThrow(/EEXIST|ELOOP/);
    await symlink(join(victim, 'not-there-yet'), join(cwd, 'dangling.tmp'));
    expect(() => createExclusive(join(cwd, 'dangling.tmp'))).toThrow(/EEXIST|ELOOP/);
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(existsSync(join(victim, 'not-there-yet'))).toBe(false);
  });

  it('refuses proof and merge-manifests outputs that are symlinks', async () => {
    const { cwd, victim } = await setup();
    await writeFile(join(victim, 'precious.txt'), 'keep me');
    await writeFile(join(cwd, 'text.txt'), 'hello\n');
    await symlink(join(victim, 'precious.txt'), join(cwd, 'proof.pdf'));
    expectUserError(run(cwd, 'proof', 'text.txt', '--out', 'proof.pdf'), /proof\.pdf: it is a symbolic link/);
    const manifest = { tool: 'roadmap-press', version: '0.1.0', list: 'l.yaml', listLength: 0, shard: null, now: '2026-01-01T00:00:00.000Z', summary: { total: 0, ok: 0, skipped: 0, failed: 0, invalid: 0 }, learners: [] };
    await writeFile(join(cwd, 'm.json'), JSON.stringify(manifest));
    await symlink(join(victim, 'precious.txt'), join(cwd, 'merged.json'));
    expectUserError(run(cwd, 'merge-manifests', 'm.json', '--out', 'merged.json'), /merged\.json: it is a symbolic link/);
    expect(await readFile(join(victim, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});

describe('output paths: files and folders that are not what they should be', () => {
  it('refuses --out that is a file', async () => {
    const { cwd } = await setup();
    await writeFile(join(cwd, 'out'), 'a file');
    expectUserError(run(cwd, ...RAHIM, '--out', 'out'), /--out out: it is a file, not a folder/);
    expectUserError(run(cwd, ...RAHIM, '--out', 'out/sub'), /--out out\/sub: .*out is a file, not a folder/);
  });

  it('refuses --out /', async () => {
    const { cwd } = await setup();
    expectUserError(run(cwd, ...RAHIM, '--out', '/'), /--out \/: refusing to write into the root of the file system/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses --out that is not writable', async () => {
    const { cwd } = await setup();
    await mkdir(join(cwd, 'ro'));
    await chmod(join(cwd, 'ro'), 0o555);
    expectUserError(run(cwd, ...RAHIM, '--out', 'ro'), /--out ro: the folder is not writable/);
  });

  it('refuses --out in a read-only file system', async () => {
    const { cwd } = await setup();
    // /proc refuses new folders even to root, which the chmod test above cannot.
    expectUserError(run(cwd, ...RAHIM, '--out', '/proc/roadmap-press-out'), /--out \/proc\/roadmap-press-out: /);
  });

  it('refuses <out>/<slug> that is a file', async () => {
    const { cwd } = await setup();
    await mkdir(join(cwd, 'out', 'mlops-engineer'), { recursive: true });
    await writeFile(join(cwd, 'out', 'mlops-engineer', 'rahim-general'), 'a file');
    expectUserError(run(cwd, ...RAHIM, '--out', 'out'), /rahim-general: it is a file where a folder should be/);
  });

  it('replaces a learner\'s files as a set: when one cannot be written the old ones stay whole', async () => {
    const { cwd } = await setup();
    const dir = join(cwd, 'out', 'mlops-engineer', 'rahim-general');
    await mkdir(join(dir, 'workbook.pdf'), { recursive: true }); // cannot be replaced by a file
    await writeFile(join(dir, 'README.md'), 'old readme');
    await writeFile(join(dir, 'plan.ics'), 'old calendar');
    expectUserError(run(cwd, ...RAHIM, '--out', 'out'), /workbook\.pdf: it is a folder, not a file/);
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('old readme');
    expect(await readFile(join(dir, 'plan.ics'), 'utf8')).toBe('old calendar');
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'plan.ics', 'workbook.pdf']); // no temp files left
  });
});

describe('build records', () => {
  it('--skip-unchanged rebuilds a learner whose record lists fewer files than a build makes', async () => {
    const { cwd } = await setup();
    await writeFile(join(cwd, 'learners.yaml'), '- {name: Ada, locale: en}\n');
    const first = run(cwd, 'batch', 'learners.yaml', '--out', 'out', '--jobs', '1', '--quiet');
    expect(first.code).toBe(0);
    const recordPath = join(cwd, 'out', 'mlops-engineer', 'ada-general', '.roadmap-press.json');
    const record: Record<string, unknown> = JSON.parse(await readFile(recordPath, 'utf8'));
    expect(record).toMatchObject({ files: [{ name: 'README.md' }, { name: 'plan.ics' }, { name: 'workbook.pdf' }] });
    writeFileSync(recordPath, JSON.stringify({ ...record, files: [] }));
    await rm(join(cwd, 'out', 'mlops-engineer', 'ada-general', 'workbook.pdf'));
    const second = run(cwd, 'batch', 'learners.yaml', '--out', 'out', '--jobs', '1', '--skip-unchanged', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ ok: 1, skipped: 0 });
    expect(existsSync(join(cwd, 'out', 'mlops-engineer', 'ada-general', 'workbook.pdf'))).toBe(true);
  });
});
