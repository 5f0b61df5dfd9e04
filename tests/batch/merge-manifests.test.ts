import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inShard, type Shard } from '../../src/batch/shard.js';
import { cli } from '../../src/cli/cli.js';
import { tempDir } from '../helpers/project.js';
import { runCli } from '../helpers/cli.js';

const LIST_LENGTH = 7;
const HASH = 'a'.repeat(64);

/** A shard's manifest as `batch --shard` writes it: every learner of the shard, built. */
function shardManifest(shard: Shard | null, options: { drop?: number[] } = {}) {
  const learners = [];
  for (let index = 0; index < LIST_LENGTH; index++) {
    if (!inShard(index, shard) || options.drop?.includes(index)) continue;
    learners.push({ index, id: null, folder: `learner-${index}`, params: { name: `L${index}` }, status: 'ok', files: [{ name: 'README.md', bytes: 10, sha256: HASH }], durationMs: 5, inputHash: HASH, error: null });
  }
  return {
    tool: 'roadmap-press',
    version: '0.1.0',
    list: 'learners.yaml',
    listLength: LIST_LENGTH,
    shard,
    now: '2027-01-01T00:00:00.000Z',
    summary: { total: learners.length, ok: learners.length, skipped: 0, failed: 0, invalid: 0 },
    learners,
  };
}

async function merge(contents: unknown[], ...flags: string[]) {
  const dir = await tempDir();
  const files: string[] = [];
  for (const [n, c] of contents.entries()) {
    const file = join(dir, `m${n + 1}.json`);
    await writeFile(file, typeof c === 'string' ? c : JSON.stringify(c));
    files.push(file);
  }
  const out = join(dir, 'merged.json');
  let stdout = '';
  let stderr = '';
  const code = await cli(['merge-manifests', ...files, '--out', out, ...flags], '1.2.3', { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  const merged = await readFile(out, 'utf8').then((t): unknown => JSON.parse(t), () => null);
  return { code, out: stdout, err: stderr, merged };
}

const s = (index: number, count: number): Shard => ({ index, count });

describe('merge-manifests', () => {
  it('joins a complete set of shards in list order', async () => {
    const r = await merge([shardManifest(s(2, 3)), shardManifest(s(1, 3)), shardManifest(s(3, 3))]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.merged).toMatchObject({ shard: null, listLength: LIST_LENGTH, summary: { total: LIST_LENGTH, ok: LIST_LENGTH } });
    expect(r.merged).not.toHaveProperty('partial');
    expect(r.merged).toMatchObject({ learners: [0, 1, 2, 3, 4, 5, 6].map((index) => ({ index })) });
  });

  it.each([
    ['shard 1/2 alone', [s(1, 2)], /missing shard 2\/2/],
    ['shards of different splits (1/2 + 2/4)', [s(1, 2), s(2, 4)], /different splits: .*m1\.json is 1\/2, .*m2\.json is 2\/4/],
    ['two of three shards', [s(1, 3), s(2, 3)], /missing shard 3\/3/],
  ])('refuses %s, naming what is missing, and writes nothing', async (_what, shards, message) => {
    const r = await merge(shards.map((x) => shardManifest(x)));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/learners are in no manifest: #/);
    expect(r.err).toContain('--allow-partial');
    expect(r.merged).toBeNull();
  });

  it('refuses a shard that lacks learners (a batch stopped part-way)', async () => {
    const r = await merge([shardManifest(s(1, 2)), shardManifest(s(2, 2), { drop: [3] })]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('1 of 7 learners are in no manifest: #3');
  });

  it('merges an incomplete set with --allow-partial, saying so in the manifest', async () => {
    const r = await merge([shardManifest(s(1, 3)), shardManifest(s(2, 3))], '--allow-partial');
    expect(r.code).toBe(0);
    expect(r.out).toContain('partial: 2 of 7 learners missing');
    expect(r.merged).toMatchObject({ partial: true, shard: null, summary: { total: 5 } });
  });

  it('reads manifests as strict UTF-8 and names one that is missing', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.json'), new Uint8Array([0x7b, 0xff, 0x7d]));
    const bad = await runCli('merge-manifests', join(dir, 'bad.json'), '--out', join(dir, 'merged.json'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.json:1:2: invalid UTF-8 (byte 0xff)');
    const missing = await runCli('merge-manifests', join(dir, 'nope.json'), '--out', join(dir, 'merged.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read manifest .*nope\.json: no such file/);
  });

  it('refuses overlapping shards', async () => {
    const r = await merge([shardManifest(s(1, 2)), shardManifest(s(1, 2))]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/learner #0 is also in .*m1\.json; shards overlap/);
  });

  it.each([
    ['null', 'null', /m1\.json is not a roadmap-press batch manifest/],
    ['{}', '{}', /m1\.json tool: /],
    ['[]', '[]', /m1\.json is not a roadmap-press batch manifest/],
    ['learners that are a string', JSON.stringify({ ...shardManifest(null), learners: 'x' }), /m1\.json learners: /],
    ['a manifest without the list length', JSON.stringify({ ...shardManifest(null), listLength: undefined }), /m1\.json listLength: /],
    ['text that is not JSON', '{"tool": ', /m1\.json is not a manifest: it is not JSON/],
  ])('exits 1 with a clear message for %s', async (_what, text, message) => {
    const r = await merge([text]);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(r.merged).toBeNull();
  });
});
