import { parentPort, workerData } from 'node:worker_threads';
import { prepareProject } from '../pipeline/prepare-project.js';
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
  const project = prepareProject(init.sources);
  // A font problem is reported by each job (the engine promise is kept), not here.
  if (project.textEngine) await project.textEngine().catch(() => undefined);
  port.on('message', (job: BuildJob) => {
    void runBuildJob(project, job, init.out, init.now, init.buildOptions).then((result) => port.postMessage(result));
  });
  port.postMessage({ ready: true });
}
