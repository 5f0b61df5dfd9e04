import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/batch/progress.js';
import { runBatch, type BatchOptions } from '../../src/batch/run-batch.js';
import { RoadmapError } from '../../src/errors.js';
import { NOW, tempDir } from '../helpers/project.js';

const LIST = `
- {name: Rahim Uddin, track: llmops, start: 2027-01}
- {name: Ada, locale: en, paper: Letter, start: 2027-11}
- {name: রাহাত করিম, track: edge-ml, level: L3, start: 2027-03}
- {name: Rahim Uddin, track: llmops, start: 2027-02}
- {name: Broken, track: nope}
`;

async function batch(out: string, list: string, extra: Partial<BatchOptions> = {}) {
  const warnings: string[] = [];
  const result = await runBatch({
    list,
    out,
    paths: {},
    now: NOW,
    jobs: 2,
    progress: createProgress({ quiet: true, live: false, write: () => {} }),
    warn: (t) => warnings.push(t),
    note: (t) => warnings.push(t),
    ...extra,
  });
  return { ...result, warnings };
}

/** A fresh folder holding LIST as learners.yaml. */
async function withList(): Promise<{ dir: string; list: string }> {
  const dir = await tempDir();
  const list = join(dir, 'learners.yaml');
  await writeFile(list, LIST);
  return { dir, list };
}

/**
 * LIST built once (--jobs 2) for the whole file: batches are the slowest tests, so the tests
 * check, compare with, or run again over this one build instead of each building LIST anew.
 */
let first: { out: string; list: string; result: Awaited<ReturnType<typeof batch>> };
beforeAll(async () => {
  const { dir, list } = await withList();
  const out = join(dir, 'out');
  first = { out, list, result: await batch(out, list) };
});

/** A copy of the first build in a fresh folder, for tests of what a second run does. */
async function builtOnce(): Promise<{ out: string; list: string }> {
  const { dir, list } = await withList();
  const out = join(dir, 'out');
  await cp(first.out, out, { recursive: true });
  return { out, list };
}

/** Every file under a folder with its bytes, build records and manifests left out. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name === 'manifest.json' || e.name === '.roadmap-press.json') continue;
    const path = join(e.parentPath, e.name);
    files.set(path.slice(dir.length + 1), (await readFile(path)).toString('base64'));
  }
  return files;
}

describe('runBatch', () => {
  it('builds the valid learners, reports the invalid row, and writes a manifest', async () => {
    const { out, result } = first;
    const { manifest, warnings, workers } = result;
    expect(manifest.summary).toEqual({ total: 5, ok: 4, skipped: 0, failed: 0, invalid: 1 });
    expect(workers).toBe(2);
    expect(warnings.join('\n')).toMatch(/learners\.yaml:6:25 track: unknown track "nope"/);
    expect(manifest.learners.map((l) => l.folder)).toEqual(['rahim-uddin-llmops', 'ada-general', 'রাহাত-করিম-edge-ml', 'rahim-uddin-llmops-2', null]);
    const ok = manifest.learners[0]!;
    expect(ok.files.map((f) => f.name)).toEqual(expect.arrayContaining(['README.md', 'plan.ics']));
    expect(ok.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.bytes > 0)).toBe(true);
    const written = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as typeof manifest;
    expect(written.summary).toEqual(manifest.summary);
  });

  it('writes byte-identical files whatever --jobs and --shard are', async () => {
    const { dir, list } = await withList();
    await batch(join(dir, 'one'), list, { jobs: 1 });
    await batch(join(dir, 'sharded'), list, { jobs: 1, shard: { index: 1, count: 2 } });
    await batch(join(dir, 'sharded'), list, { jobs: 2, shard: { index: 2, count: 2 } });
    const one = await tree(join(dir, 'one'));
    expect(one.size).toBeGreaterThanOrEqual(8);
    expect(await tree(first.out)).toEqual(one); // --jobs 2
    expect(await tree(join(dir, 'sharded'))).toEqual(one);
  });

  it('skips unchanged learners and rebuilds one whose file was tampered with', async () => {
    const { out, list } = await builtOnce();
    await writeFile(join(out, 'mlops-engineer', 'ada-general', 'README.md'), 'tampered');
    const again = await batch(out, list, { skipUnchanged: true });
    expect(again.manifest.learners.map((l) => l.status)).toEqual(['skipped', 'ok', 'skipped', 'skipped', 'invalid']);
    expect(await readFile(join(out, 'mlops-engineer', 'ada-general', 'README.md'), 'utf8')).toContain('# MLOps Engineer Roadmap — Ada');
  });

  it('starts one worker per learner left to build at most, and says when it uses fewer than asked', async () => {
    const { out, list } = await builtOnce();
    await writeFile(join(out, 'mlops-engineer', 'ada-general', 'README.md'), 'tampered');
    const again = await batch(out, list, { skipUnchanged: true, jobs: 64 });
    expect(again.workers).toBe(1);
    expect(again.warnings).toContain('batch: using 1 worker (asked for 64; 1 learner to build)');
    expect(again.manifest.summary).toMatchObject({ ok: 1, skipped: 3 });
    const unchanged = await batch(out, list, { skipUnchanged: true, jobs: 64 });
    expect(unchanged.workers).toBe(0);
    expect(unchanged.warnings.join('\n')).not.toContain('batch: using');
  });

  it('rebuilds everything when the inputs change (a later "now")', async () => {
    const { out, list } = await builtOnce();
    const later = await batch(out, list, { skipUnchanged: true, now: new Date(NOW.getTime() + 86_400_000) });
    expect(later.manifest.summary.skipped).toBe(0);
    expect(later.manifest.summary.ok).toBe(4);
  });

  it('with --fail-fast builds nothing when a row is invalid', async () => {
    const { dir, list } = await withList();
    await expect(batch(join(dir, 'out'), list, { failFast: true })).rejects.toThrow(RoadmapError);
    await expect(readdir(join(dir, 'out'))).rejects.toThrow();
  });
});
