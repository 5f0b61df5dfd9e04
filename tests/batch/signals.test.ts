import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Manifest } from '../../src/batch/manifest.js';
import { qpdfCheck, unlessMissing } from '../helpers/pdf-tools.js';
import { tempDir } from '../helpers/project.js';
import { CLI_MAIN } from '../helpers/paths.js';

/** The built CLI by absolute path (npm test builds dist/ first): nothing resolves through the temp cwd. */
const cliMain = CLI_MAIN;

/** 5 tracks × 2 locales × 2 papers × 3 start months: 60 learners, enough to stop mid-way. */
const MATRIX = `matrix:
  track: [llmops, platform, edge-ml, ml-infra, responsible-ai]
  locale: [bn, en]
  paper: [A4, Letter]
  start: [2027-01, 2027-02, 2027-03]
`;

function startBatch(dir: string, ...extra: string[]): { child: ChildProcess; done: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [cliMain, 'batch', 'list.yaml', '--out', 'out', '--jobs', '2', ...extra], {
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

/** A PDF is whole: pdf.js opens it and reads every page, and qpdf (where installed) finds no damage. */
async function expectWholePdf(path: string, bytes: Buffer): Promise<void> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  expect(doc.numPages).toBeGreaterThan(10);
  for (let i = 1; i <= doc.numPages; i++) await doc.getPage(i);
  await doc.destroy();
  unlessMissing((ctx) => qpdfCheck(ctx, path));
}

/** Every artifact under out/ is whole: no temp files, READMEs end with their last line, calendars close, PDFs parse. */
async function expectOnlyWholeFiles(out: string, pdfsToParse = Infinity): Promise<number> {
  let checked = 0;
  let parsed = 0;
  for (const e of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    if (e.name.endsWith('.tmp')) continue; // orphans are hidden and removed by the next run
    const text = await readFile(path, 'utf8');
    if (e.name === 'README.md') expect(text.trimEnd().endsWith('|')).toBe(true);
    if (e.name === 'plan.ics') expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    if (e.name.endsWith('.json')) expect(() => void JSON.parse(text)).not.toThrow();
    if (e.name === 'workbook.pdf') {
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
      if (parsed++ < pdfsToParse) await expectWholePdf(path, await readFile(path));
    }
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
    expect(finished).toBeLessThan(60);
    expect(await expectOnlyWholeFiles(join(dir, 'out'))).toBeGreaterThan(0);

    const rerun = startBatch(dir, '--skip-unchanged', '--json');
    expect(await rerun.done).toBe(0);
    const summary = JSON.parse(rerun.output().trim().split('\n').pop()!) as { ok: number; skipped: number };
    expect(summary.skipped).toBeGreaterThanOrEqual(finished);
    expect(summary.ok + summary.skipped).toBe(60);
    const leftovers = (await readdir(join(dir, 'out'), { recursive: true })).filter((f) => String(f).endsWith('.tmp'));
    expect(leftovers).toEqual([]);
    // After the rerun every learner is there; parse a sample of the PDFs (all of them is slow).
    expect(await expectOnlyWholeFiles(join(dir, 'out'), 12)).toBeGreaterThanOrEqual(60 * 3);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('stops cleanly on %s: exit %i, only whole files, and a manifest of what finished', async (signal, code) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'list.yaml'), MATRIX);
    const run = startBatch(dir);
    await until(async () => (await records(join(dir, 'out'))) >= 4);
    run.child.kill(signal);
    expect(await run.done).toBe(code);
    expect(await expectOnlyWholeFiles(join(dir, 'out'), 4)).toBeGreaterThan(0);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.learners.length).toBeGreaterThanOrEqual(4);
    expect(manifest.learners.length).toBeLessThan(60);
    expect(manifest.learners.every((l) => l.status === 'ok' && l.files.length > 0)).toBe(true);
    expect(manifest.learners.length).toBe(await records(join(dir, 'out')));
  });
});
