#!/usr/bin/env node
import { openBundle } from '../node/load-bundle.js';
import type * as Entry from './entry.js';

/**
 * The `roadmap-press` executable. It runs the CommonJS bundle `npm run build` makes
 * (dist/bundle/, with a V8 code cache, which takes ~0.3 s off a cold build on Node 20), or the
 * ES modules when there is no bundle or it fails to load (src/node/load-bundle.ts).
 * ROADMAP_PRESS_LAUNCH_INFO=1 says on stderr which one runs. Batch worker threads have their
 * own launcher, src/batch/worker-thread.ts.
 */
const { bundle, note } = openBundle<typeof Entry>(new URL('../bundle/roadmap-press.cjs', import.meta.url));
if (process.env.ROADMAP_PRESS_LAUNCH_INFO === '1') process.stderr.write(`roadmap-press: ${note}\n`);
const entry = bundle?.exports ?? (await import('./entry.js'));
const code = await entry.main(process.argv.slice(2));
// A failure to print (see tolerateClosedStdout) may have set the exit code already.
if (code !== 0 || process.exitCode === undefined) process.exitCode = code;
// `npm run build` runs one build with this set, so the cache holds what a build compiles.
if (bundle && process.env.ROADMAP_PRESS_WRITE_CODE_CACHE === '1') bundle.writeCodeCache();
