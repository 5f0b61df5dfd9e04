import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { writeFileAtomicSync } from '../node/write-files.js';

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
