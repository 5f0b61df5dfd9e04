import { parentPort, workerData } from 'node:worker_threads';
import { prepareProject, type Project } from '../pipeline/prepare-project.js';
import { runBuildJob } from './build-job.js';
import type { BuildJob, WorkerInit } from './protocol.js';

/**
 * A batch worker thread's life: prepares the project (data, templates, fonts, HarfBuzz) once,
 * before saying it is ready, then builds every learner it is sent, one at a time.
 */
export async function serveBuildJobs(): Promise<void> {
  const init = workerData as WorkerInit;
  const port = parentPort;
  if (!port) throw new Error('batch worker must run in a worker thread');
  // One text engine for every roadmap: the fonts are the same, and each engine holds HarfBuzz and caches.
  let engine: Project['textEngine'] | undefined;
  const projects = new Map<string, Project>();
  for (const [id, sources] of Object.entries(init.sources)) {
    const prepared = prepareProject(sources);
    engine ??= prepared.textEngine;
    projects.set(id, { ...prepared, textEngine: engine });
  }
  // A font problem is reported by each job (the engine promise is kept), not here.
  if (engine) await engine().catch(() => undefined);
  port.on('message', (job: BuildJob) => {
    const project = projects.get(job.roadmap);
    // The main thread plans jobs only for the roadmaps it sent.
    if (!project) throw new Error(`batch job for roadmap ${job.roadmap}, which the worker was not given`);
    void runBuildJob(project, job, init.out, init.now, init.buildOptions).then((result) => port.postMessage(result));
  });
  port.postMessage({ ready: true });
}
