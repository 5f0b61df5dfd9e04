import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Entry from '../../src/cli/entry.js';
import { loadBundle, openBundle } from '../../src/node/load-bundle.js';
import { tempDir } from '../helpers/project.js';
import { ROOT as root } from '../helpers/paths.js';

// The bundle `npm run build` makes (npm test builds it first), found from this file.
const bundle = join(root, 'dist/bundle/roadmap-press.cjs');

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error('dist/bundle/ is missing: run `npm run build` (`npm test` runs it first)');
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

describe('openBundle', () => {
  it('says why the launcher runs the ES modules: no bundle, or one that fails to load', async () => {
    const dir = await tempDir();
    expect(openBundle<typeof Entry>(pathToFileURL(join(dir, 'roadmap-press.cjs')))).toEqual({ bundle: null, note: 'running the ES modules (no bundle)' });
    await writeFile(join(dir, 'roadmap-press.cjs'), '(function () { throw new Error("broken"); })');
    expect(openBundle<typeof Entry>(pathToFileURL(join(dir, 'roadmap-press.cjs')))).toEqual({ bundle: null, note: 'running the ES modules (the bundle failed to load: broken)' });
  });
});
