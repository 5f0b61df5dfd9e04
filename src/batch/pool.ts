import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildJob, JobResult, WorkerInit } from './protocol.js';

/**
 * A worker's live heap levels off at 35-60 MB (the text engine's caches are bounded). Without
 * limits V8 let garbage pile up to 440-550 MB of RSS for a 200-learner batch at --jobs 2; the
 * old-generation cap stops that (caps from 64 to 384 MB measured alike, so the roomier one
 * stays). A 16 MB young generation instead of 32 takes ~35 MB off the peak RSS of a batch at
 * --jobs 2 for a time within the run-to-run noise (~2%), now that each build allocates less;
 * 12 MB saves another ~15 MB but costs ~10% (docs/benchmarks.md, "Batch").
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 16 };

/**
 * What makes two learners' documents share most of their paragraphs: text depends on locale and
 * track, line breaks on the paper width. A worker's layout cache holds what it laid out, so
 * giving it more learners of the kinds it has seen avoids laying the same paragraphs out again
 * in every worker.
 */
export function affinityKey(job: BuildJob): string {
  return `${job.roadmap}\u0000${job.params.locale ?? ''}\u0000${job.params.paper}\u0000${job.params.track ?? ''}`;
}

/**
 * The next job for a worker that last built `seen` kinds: the first queued job of a kind this
 * worker has built, else of a kind no worker has built yet, else the first in the queue (so
 * nothing waits while a worker is idle). Which worker builds a learner changes speed only,
 * never bytes.
 */
export function takeJob(queue: BuildJob[], seen: ReadonlySet<string>, claimed: ReadonlySet<string>): BuildJob | undefined {
  if (queue.length === 0) return undefined;
  let fresh = -1;
  for (const [i, job] of queue.entries()) {
    const key = affinityKey(job);
    if (seen.has(key)) return queue.splice(i, 1)[0];
    if (fresh < 0 && !claimed.has(key)) fresh = i;
  }
  return queue.splice(fresh < 0 ? 0 : fresh, 1)[0];
}

/** How many workers a batch starts, and the note to print when fewer than asked for. */
export interface PoolSize {
  size: number;
  /** `batch: using 2 workers (asked for 64; 3 learners to build)`, or null if not capped. */
  note: string | null;
}

/**
 * Workers for a batch: as many as asked (default: the cores), but never more than there are
 * learners to build or twice the cores. Each worker holds its own fonts, HarfBuzz and caches,
 * so unbounded `--jobs` costs memory for nothing (docs/benchmarks.md has the figures), and
 * beyond twice the cores more workers only wait for a core.
 */
export function poolSize(requested: number | undefined, learners: number, cores: number): PoolSize {
  const maxByCores = 2 * Math.max(1, cores);
  // NaN, zero or negative (the CLI refuses these; an API caller may not): one worker.
  const asked = requested === undefined ? Math.max(1, cores) : requested >= 1 ? Math.floor(requested) : 1;
  const size = Math.max(1, Math.min(asked, learners, maxByCores));
  if (requested === undefined || size >= asked) return { size, note: null };
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const why = size === learners ? `${plural(learners, 'learner')} to build` : `at most 2 × ${plural(cores, 'core')}`;
  return { size, note: `batch: using ${plural(size, 'worker')} (asked for ${String(requested)}; ${why})` };
}

interface PoolWorker {
  worker: Worker;
  /** Resolves when the worker has loaded the project (fonts, templates, HarfBuzz). */
  ready: Promise<unknown>;
}

/**
 * A fixed set of worker threads pulling jobs from one queue, each preferring the kinds of
 * learner it has built before (`takeJob`). `start()` may be called before `run()` so the workers
 * load the project while the caller does other work. `stop()` lets running jobs finish
 * and sends no more, for a clean SIGINT; `close()` ends every worker.
 */
export class BuildPool {
  private readonly workers: PoolWorker[] = [];
  private stopped = false;

  constructor(readonly size: number, private readonly init: WorkerInit) {}

  start(): this {
    const entry = workerEntry();
    while (this.workers.length < this.size) {
      const worker = new Worker(entry.script, { workerData: this.init, eval: entry.eval, resourceLimits: WORKER_LIMITS });
      const ready = once(worker, (m) => typeof m === 'object' && m !== null && 'ready' in m);
      // Awaited in run(); until then a worker that fails to start must not be an unhandled rejection.
      ready.catch(() => undefined);
      this.workers.push({ worker, ready });
    }
    return this;
  }

  async run(jobs: BuildJob[], onResult: (r: JobResult) => void): Promise<void> {
    this.start();
    const queue = [...jobs];
    const claimed = new Set<string>();
    const used = this.workers.slice(0, Math.min(this.workers.length, queue.length));
    await Promise.all(this.workers.slice(used.length).map((w) => w.worker.terminate()));
    const loops = used.map(async ({ worker, ready }) => {
      const seen = new Set<string>();
      try {
        await ready;
        for (let job = takeJob(queue, seen, claimed); job && !this.stopped; job = takeJob(queue, seen, claimed)) {
          const current = job;
          const key = affinityKey(current);
          seen.add(key);
          claimed.add(key);
          worker.postMessage(current);
          onResult((await once(worker, (m) => (m as JobResult).index === current.index)) as JobResult);
        }
      } finally {
        await worker.terminate();
      }
    });
    await Promise.all(loops);
  }

  stop(): void {
    this.stopped = true;
  }

  /** Ends every worker at once (also ones never used), e.g. when the batch fails before building. */
  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** Resolves with the worker's next message that matches, rejects if the worker dies. */
function once(worker: Worker, match: (m: unknown) => boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (!match(m)) return;
      cleanup();
      resolve(m);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`batch worker exited with code ${code}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/**
 * The worker script: dist/batch/worker-thread.js, which runs the bundle when there is one. The
 * same path from the compiled modules (dist/batch/) and from the bundle (dist/bundle/, whose
 * import.meta.url scripts/bundle.ts sets to its own file), both one level under dist/.
 * When running from TypeScript sources (tests, tsx), a bootstrap that registers tsx in the
 * thread first, since loader hooks given to the main thread do not reach workers.
 */
function workerEntry(): { script: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('../batch/worker-thread.js', import.meta.url), eval: false };
  const url = new URL('./worker-thread.ts', import.meta.url).href;
  // Resolved from this module, not by bare name in the eval'd script: that would resolve
  // through the working directory, where tsx need not be installed. createRequire, not
  // the ES resolve hook, because the bundle can give a module only its URL (require gives
  // the CommonJS entry, whose own ES import is broken in an eval'd worker: take the .mjs).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return {
    script: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`,
    eval: true,
  };
}
