import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
    // Each of the two workers runs the bundle with its code cache too (src/batch/worker-thread.ts).
    expect(r.stderr).toBe(`${FROM_BUNDLE}${'roadmap-press batch worker: running the bundle, code cache used\n'.repeat(2)}`);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: 3, failed: 0 });
    const lib = await libraryBytes({ name: 'আশা', track: 'edge-ml' });
    expect((await readFile(join(dir, 'out', 'mlops-engineer', lib.slug, 'workbook.pdf'))).equals(lib.files.get('workbook.pdf')!)).toBe(true);
  });
});
