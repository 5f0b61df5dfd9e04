import { isRoadmapError } from '../errors.js';
import { insideRoot, writeFileAtomicSync } from '../node/write-files.js';
import { buildLearner, type BuildOptions } from '../pipeline/build-learner.js';
import type { Project } from '../pipeline/prepare-project.js';
import { sha256 } from './hash.js';
import { jsonBytes, type ManifestFile } from './manifest.js';
import { RECORD_FILE, type BuildJob, type BuildRecord, type JobResult } from './protocol.js';

/**
 * Builds one learner and writes its files, then its build record. Every file is atomic; the
 * record comes last, so a learner killed half-way has no record and is rebuilt next time.
 */
export async function runBuildJob(project: Project, job: BuildJob, out: string, now: Date, buildOptions: BuildOptions): Promise<JobResult> {
  const started = performance.now();
  try {
    const build = await buildLearner(project, job.params, now, { ...buildOptions, folder: job.folder });
    const files: ManifestFile[] = [];
    for (const a of build.artifacts) {
      writeFileAtomicSync(insideRoot(out, job.folder, a.name), a.bytes);
      files.push({ name: a.name, bytes: a.bytes.byteLength, sha256: sha256(a.bytes) });
    }
    const record: BuildRecord = { inputHash: job.inputHash, files };
    writeFileAtomicSync(insideRoot(out, job.folder, RECORD_FILE), jsonBytes(record));
    return { index: job.index, ok: true, files, durationMs: performance.now() - started };
  } catch (e) {
    const error = isRoadmapError(e) ? e.report() : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { index: job.index, ok: false, error, durationMs: performance.now() - started };
  }
}
