#!/usr/bin/env node
import { isMainThread } from 'node:worker_threads';
import type * as Entry from './entry.js';
import { loadBundle, type LoadedBundle } from './load-bundle.js';

/**
 * The `roadmap-press` executable, and the script of every batch worker thread. It runs the
 * CommonJS bundle `npm run build` makes (dist/bundle/, with a V8 code cache, which takes ~0.3 s
 * off a cold build on Node 20), or the ES modules when there is no bundle (running from
 * TypeScript sources, or after a bare `tsc`) or it fails to load. `npm run build` makes both from
 * the same sources; ROADMAP_PRESS_LAUNCH_INFO=1 says on stderr which one runs.
 */
const { bundle, note } = chooseBundle();
if (isMainThread && process.env.ROADMAP_PRESS_LAUNCH_INFO === '1') process.stderr.write(`roadmap-press: ${note}\n`);
// harfbuzzjs stays outside the bundle (its top-level await makes it import-only), and a
// vm.Script may not import() on Node 20 without an experimental flag: it is imported from here.
bundle?.exports.setHarfBuzzImport(() => import('harfbuzzjs'));
const entry = bundle?.exports ?? (await import('./entry.js'));
if (isMainThread) {
  const code = await entry.main(process.argv.slice(2));
  // A failure to print (see tolerateClosedStdout) may have set the exit code already.
  if (code !== 0 || process.exitCode === undefined) process.exitCode = code;
  // `npm run build` runs one build with this set, so the cache holds what a build compiles.
  if (bundle && process.env.ROADMAP_PRESS_WRITE_CODE_CACHE === '1') bundle.writeCodeCache();
} else {
  await entry.worker();
}

function chooseBundle(): { bundle: LoadedBundle<typeof Entry> | null; note: string } {
  try {
    const bundle = loadBundle<typeof Entry>(new URL('../bundle/roadmap-press.cjs', import.meta.url));
    if (!bundle) return { bundle, note: 'running the ES modules (no bundle)' };
    return { bundle, note: `running the bundle, code cache ${bundle.cacheUsed ? 'used' : 'not used'}` };
  } catch (e) {
    return { bundle: null, note: `running the ES modules (the bundle failed to load: ${e instanceof Error ? e.message : String(e)})` };
  }
}
