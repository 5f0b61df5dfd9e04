import { isRoadmapError } from '../errors.js';
import { writeFileSet, writeLearner } from '../node/write-files.js';
import { buildLearner, type BuildOptions } from '../pipeline/build-learner.js';
import type { Project } from '../pipeline/prepare-project.js';
import { sha256 } from './hash.js';
import { jsonBytes, type ManifestFile } from './manifest.js';
import { RECORD_FILE, type BuildJob, type BuildRecord, type JobResult } from './protocol.js';

/**
 * Builds one learner and replaces its files as a set, then writes its build record. The record
 * comes last, so a learner killed half-way has no record and is rebuilt next time. `out` is
 * the real path of the output root (see `openOutputRoot`).
 */
export async function runBuildJob(project: Project, job: BuildJob, out: string, now: Date, buildOptions: BuildOptions): Promise<JobResult> {
  const started = performance.now();
  try {
    const build = await buildLearner(project, job.params, now, { ...buildOptions, folder: job.folder });
    const dir = writeLearner(out, [job.roadmap, job.folder], build.artifacts);
    const files: ManifestFile[] = build.artifacts.map((a) => ({ name: a.name, bytes: a.bytes.byteLength, sha256: sha256(a.bytes) }));
    const record: BuildRecord = { inputHash: job.inputHash, files };
    writeFileSet(dir, [{ name: RECORD_FILE, bytes: jsonBytes(record) }]);
    return { index: job.index, ok: true, files, durationMs: performance.now() - started };
  } catch (e) {
    const error = isRoadmapError(e) ? e.report() : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { index: job.index, ok: false, error, durationMs: performance.now() - started };
  }
}
