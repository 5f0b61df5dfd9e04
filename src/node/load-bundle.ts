import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { HarfBuzz } from '../text/harfbuzz.js';
import { writeFileAtomicSync } from './write-files.js';

export interface LoadedBundle<T> {
  exports: T;
  /** Whether V8 used the code cache (false when there is none, or it is stale or from another V8). */
  cacheUsed: boolean;
  /** Writes the code cache of everything compiled so far, for the next start. */
  writeCodeCache(): void;
}

const HASH_BYTES = 32;

/**
 * Loads a CommonJS bundle with a V8 code cache beside it (`<bundle>.v8cache`), which is what
 * Node 22's module compile cache does and Node 20 lacks: V8 skips parsing and compiling every
 * function the cache holds. The cache is made after a whole build ran, so it holds the functions
 * compiled lazily during the build too, not just the top level. Its first 32 bytes are the
 * SHA-256 of the bundle it was made from: V8 only checks the source's length. A missing,
 * stale or foreign cache just means compiling as usual. Returns null when there is no bundle.
 */
export function loadBundle<T>(url: URL): LoadedBundle<T> | null {
  const file = fileURLToPath(url);
  let source: Buffer;
  try {
    source = readFileSync(file);
  } catch {
    return null;
  }
  const cacheFile = `${file.replace(/\.cjs$/, '')}.v8cache`;
  const hash = createHash('sha256').update(source).digest();
  let cachedData: Buffer | undefined;
  try {
    const bytes = readFileSync(cacheFile);
    if (bytes.subarray(0, HASH_BYTES).equals(hash)) cachedData = bytes.subarray(HASH_BYTES);
  } catch {
    // No cache: compile.
  }
  // The bundle is a CommonJS wrapper function expression (scripts/bundle.ts writes it so).
  const script = new vm.Script(source.toString('latin1'), {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (e: T, r: NodeJS.Require, m: { exports: T }, f: string, d: string) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    writeCodeCache: () => writeFileAtomicSync(cacheFile, Buffer.concat([hash, script.createCachedData()])),
  };
}

/** What every bundle entry exports: harfbuzzjs is imported by the launcher and handed in. */
export interface BundleEntry {
  setHarfBuzzImport(load: () => Promise<HarfBuzz>): void;
}

/** The bundle a launcher runs, or null and why not. */
export interface OpenedBundle<T> {
  bundle: LoadedBundle<T> | null;
  /** `running the bundle, code cache used`, `running the ES modules (no bundle)` … */
  note: string;
}

/**
 * Opens dist/bundle/roadmap-press.cjs (`url`, which each launcher resolves from itself) for a
 * launcher: the CLI's (src/cli/main.ts) and a batch worker thread's (src/batch/worker-thread.ts).
 * null when there is none (running from TypeScript sources, or after a bare `tsc`) or it fails
 * to load: the launcher then imports the ES modules, which `npm run build` makes from the same
 * sources.
 */
export function openBundle<T extends BundleEntry>(url: URL): OpenedBundle<T> {
  let bundle: LoadedBundle<T> | null;
  try {
    bundle = loadBundle<T>(url);
  } catch (e) {
    return { bundle: null, note: `running the ES modules (the bundle failed to load: ${e instanceof Error ? e.message : String(e)})` };
  }
  if (!bundle) return { bundle, note: 'running the ES modules (no bundle)' };
  // harfbuzzjs stays outside the bundle (its top-level await makes it import-only), and a
  // vm.Script may not import() on Node 20 without an experimental flag: it is imported from here.
  bundle.exports.setHarfBuzzImport(() => import('harfbuzzjs'));
  return { bundle, note: `running the bundle, code cache ${bundle.cacheUsed ? 'used' : 'not used'}` };
}
