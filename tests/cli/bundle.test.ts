import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/cli/load-bundle.js';
import type * as Entry from '../../src/cli/entry.js';
import { buildLearner } from '../../src/pipeline/build-learner.js';
import type { ParamsInput } from '../../src/schema/params.js';
import { NOW, shippedProject, tempDir } from '../helpers/project.js';
import { ROOT as root } from '../helpers/paths.js';

// What `npm run build` ships and the `roadmap-press` executable runs (npm test builds it first),
// found from this file, not through the working directory.
const main = join(root, 'dist/cli/main.js');
const bundle = join(root, 'dist/bundle/roadmap-press.cjs');
const env = { ...process.env, SOURCE_DATE_EPOCH: String(NOW.getTime() / 1000), CI: '1', ROADMAP_PRESS_LAUNCH_INFO: '1' };
/** What the launcher says on stderr when it runs the bundle with its cache (and nothing else is said). */
const FROM_BUNDLE = 'roadmap-press: running the bundle, code cache used\n';

function runCli(args: string[], cwd?: string) {
  return spawnSync(process.execPath, [main, ...args], { env, cwd, encoding: 'utf8', timeout: 120_000 });
}

async function libraryBytes(params: ParamsInput): Promise<{ slug: string; files: Map<string, Buffer> }> {
  const build = await buildLearner(await shippedProject(), params, NOW);
  return { slug: build.slug, files: new Map(build.artifacts.map((a) => [a.name, Buffer.from(a.bytes)])) };
}

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error('dist/bundle/ is missing: run `npm run build` (`npm test` runs it first)');
});

describe('the packaged CLI (CommonJS bundle with a V8 code cache)', () => {
  it('builds byte for byte what the library builds, and says nothing on stderr', async () => {
    const out = await tempDir();
    const params = { name: 'Rahim <b>Uddin</b> {{x}}', track: 'llmops', start: '2027-03' };
    const r = runCli(['build', '--name', params.name, '--track', params.track, '--start', params.start, '--out', out]);
    expect(r.stderr).toBe(FROM_BUNDLE);
    expect(r.status).toBe(0);
    const lib = await libraryBytes(params);
    for (const [name, bytes] of lib.files) expect((await readFile(join(out, 'mlops-engineer', lib.slug, name))).equals(bytes), name).toBe(true);
  });

  it('typesets a proof with PDFKit finding its own standard fonts from inside the bundle', async () => {
    const out = await tempDir();
    const r = runCli(['proof', join(root, 'tests/fixtures/bengali-words.txt'), '--out', join(out, 'proof.pdf')]);
    expect(r.stderr).toBe(FROM_BUNDLE);
    expect(r.status).toBe(0);
    expect((await readFile(join(out, 'proof.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('runs batch workers from the bundle too, with the same bytes', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'list.yaml'), '- { name: Asha, track: platform, locale: en, paper: Letter }\n- { name: আশা, track: edge-ml }\n- { name: Bilal, track: llmops, locale: en }\n');
    const r = runCli(['batch', 'list.yaml', '--out', 'out', '--jobs', '2', '--json'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(FROM_BUNDLE); // workers run the same launcher, which says nothing in a worker
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: 3, failed: 0 });
    const lib = await libraryBytes({ name: 'আশা', track: 'edge-ml' });
    expect((await readFile(join(dir, 'out', 'mlops-engineer', lib.slug, 'workbook.pdf'))).equals(lib.files.get('workbook.pdf')!)).toBe(true);
  });
});

describe('loadBundle', () => {
  async function copyOfBundle(): Promise<{ url: URL; cache: string }> {
    const dir = await tempDir();
    await copyFile(bundle, join(dir, 'roadmap-press.cjs'));
    await copyFile(bundle.replace(/\.cjs$/, '.v8cache'), join(dir, 'roadmap-press.v8cache'));
    return { url: pathToFileURL(join(dir, 'roadmap-press.cjs')), cache: join(dir, 'roadmap-press.v8cache') };
  }

  it('uses the code cache made from the same bundle', async () => {
    const { url } = await copyOfBundle();
    const loaded = loadBundle<typeof Entry>(url);
    expect(loaded?.cacheUsed).toBe(true);
    expect(typeof loaded?.exports.main).toBe('function');
  });

  it('ignores a cache made from another bundle (V8 itself only compares lengths) and can write a fresh one', async () => {
    const { url, cache } = await copyOfBundle();
    const stale = await readFile(cache);
    stale[0] = (stale[0] as number) ^ 0xff; // the recorded SHA-256 of the bundle no longer matches
    await writeFile(cache, stale);
    const loaded = loadBundle<typeof Entry>(url);
    expect(loaded?.cacheUsed).toBe(false);
    expect(typeof loaded?.exports.main).toBe('function');
    loaded?.writeCodeCache();
    const fresh = await readFile(cache);
    expect(fresh.subarray(0, 32).toString('hex')).toBe(createHash('sha256').update(await readFile(url)).digest('hex'));
    expect(loadBundle<typeof Entry>(url)?.cacheUsed).toBe(true);
  });

  it('returns null where there is no bundle, so the launcher runs the ES modules', async () => {
    expect(loadBundle(pathToFileURL(join(await tempDir(), 'roadmap-press.cjs')))).toBeNull();
  });
});
