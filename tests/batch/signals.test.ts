import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/batch/manifest.js';
import { tempDir } from '../helpers/project.js';

/** 5 tracks × 2 locales × 2 papers × 12 start months: 240 learners, enough to stop mid-way. */
const MATRIX = `matrix:
  track: [llmops, platform, edge-ml, ml-infra, responsible-ai]
  locale: [bn, en]
  paper: [A4, Letter]
  start: [2027-01, 2027-02, 2027-03, 2027-04, 2027-05, 2027-06, 2027-07, 2027-08, 2027-09, 2027-10, 2027-11, 2027-12]
`;

function startBatch(dir: string, ...extra: string[]): { child: ChildProcess; done: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('src/cli/main.ts'), 'batch', 'list.yaml', '--out', 'out', '--jobs', '2', ...extra], {
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1796083200', CI: 'true' },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, done, output: () => output };
}

async function records(out: string): Promise<number> {
  try {
    return (await readdir(out, { recursive: true })).filter((f) => String(f).endsWith('.roadmap-press.json')).length;
  } catch {
    return 0;
  }
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every artifact under out/ is whole: no temp files, READMEs end with their last line, calendars close. */
async function expectOnlyWholeFiles(out: string): Promise<number> {
  let checked = 0;
  for (const e of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    if (e.name.endsWith('.tmp')) continue; // orphans are hidden and removed by the next run
    const text = await readFile(path, 'utf8');
    if (e.name === 'README.md') expect(text.trimEnd().endsWith('|')).toBe(true);
    if (e.name === 'plan.ics') expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    if (e.name.endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow();
    if (e.name === 'workbook.pdf') expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    checked++;
  }
  return checked;
}

describe('batch under signals', () => {
  it('leaves only whole files after SIGKILL, and --skip-unchanged finishes the rest', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'list.yaml'), MATRIX);
    const run = startBatch(dir);
    await until(async () => (await records(join(dir, 'out'))) >= 6);
    run.child.kill('SIGKILL');
    await run.done;
    const finished = await records(join(dir, 'out'));
    expect(finished).toBeLessThan(240);
    expect(await expectOnlyWholeFiles(join(dir, 'out'))).toBeGreaterThan(0);

    const rerun = startBatch(dir, '--skip-unchanged', '--json');
    expect(await rerun.done).toBe(0);
    const summary = JSON.parse(rerun.output().trim().split('\n').pop()!) as { ok: number; skipped: number };
    expect(summary.skipped).toBeGreaterThanOrEqual(finished);
    expect(summary.ok + summary.skipped).toBe(240);
    const leftovers = (await readdir(join(dir, 'out'), { recursive: true })).filter((f) => String(f).endsWith('.tmp'));
    expect(leftovers).toEqual([]);
    await expectOnlyWholeFiles(join(dir, 'out'));
  });

  it('stops cleanly on SIGINT: exit 130 and a manifest of what finished', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'list.yaml'), MATRIX);
    const run = startBatch(dir);
    await until(async () => (await records(join(dir, 'out'))) >= 4);
    run.child.kill('SIGINT');
    expect(await run.done).toBe(130);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.learners.length).toBeGreaterThanOrEqual(4);
    expect(manifest.learners.length).toBeLessThan(240);
    expect(manifest.learners.every((l) => l.status === 'ok' && l.files.length > 0)).toBe(true);
    expect(manifest.learners.length).toBe(await records(join(dir, 'out')));
  });
});
