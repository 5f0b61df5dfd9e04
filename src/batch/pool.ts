import { Worker } from 'node:worker_threads';
import type { BuildJob, JobResult, WorkerInit } from './protocol.js';

/**
 * A worker's live heap levels off near 65 MB (the text engine's caches are bounded), but V8's
 * default limit lets garbage pile up far beyond that before a full collection: a 200-learner
 * batch at --jobs 2 reached 440-550 MB of RSS. A 384 MB old generation keeps RSS near 350 MB
 * at about the same speed; tighter caps (128-192 MB) saved 30 MB more but cost 20-30% in
 * collections (measured in docs/benchmarks.md).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32 };

/**
 * A fixed set of worker threads pulling jobs from a queue in order. `stop()` lets running jobs
 * finish and sends no more, for a clean SIGINT.
 */
export class BuildPool {
  private readonly workers: Worker[] = [];
  private stopped = false;

  constructor(private readonly size: number, private readonly init: WorkerInit) {}

  async run(jobs: BuildJob[], onResult: (r: JobResult) => void): Promise<void> {
    const queue = [...jobs];
    const entry = workerEntry();
    const loops = Array.from({ length: Math.min(this.size, Math.max(queue.length, 1)) }, async () => {
      if (queue.length === 0) return;
      const worker = new Worker(entry.script, { workerData: this.init, eval: entry.eval, resourceLimits: WORKER_LIMITS });
      this.workers.push(worker);
      try {
        await once(worker, (m) => typeof m === 'object' && m !== null && 'ready' in m);
        for (let job = queue.shift(); job && !this.stopped; job = queue.shift()) {
          const current = job;
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

  async kill(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
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
 * The worker script: the compiled JS in a package; when running from TypeScript sources (tests,
 * tsx) a bootstrap that registers tsx in the thread first, since loader hooks given to the
 * main thread do not reach workers.
 */
function workerEntry(): { script: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./worker.js', import.meta.url), eval: false };
  const url = new URL('./worker.ts', import.meta.url).href;
  return { script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`, eval: true };
}
