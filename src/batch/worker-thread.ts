import { openBundle, type BundleEntry } from '../node/load-bundle.js';

/**
 * The script of every batch worker thread (dist/batch/worker-thread.js; src/batch/pool.ts starts
 * it). Like the CLI's launcher it runs the bundle with its code cache when there is one, which
 * takes ~15% off a 200-learner batch at --jobs 2 against running the ES modules in each worker
 * (docs/benchmarks.md, "Cold start"), and the ES modules otherwise.
 * ROADMAP_PRESS_LAUNCH_INFO=1 says on stderr which one each worker runs.
 */
const { bundle, note } = openBundle<BundleEntry & { worker(): Promise<void> }>(new URL('../bundle/roadmap-press.cjs', import.meta.url));
if (process.env.ROADMAP_PRESS_LAUNCH_INFO === '1') process.stderr.write(`roadmap-press batch worker: ${note}\n`);
await (bundle ? bundle.exports.worker() : (await import('./worker.js')).serveBuildJobs());
