import type { BuildOptions } from '../pipeline/build-learner.js';
import type { ProjectSources } from '../pipeline/sources.js';
import type { Params } from '../schema/params.js';
import type { ManifestFile } from './manifest.js';

/** What a worker needs once: the sources the main thread read and hashed, where to write, and "now". */
export interface WorkerInit {
  sources: ProjectSources;
  out: string;
  now: string;
  buildOptions: BuildOptions;
}

export interface BuildJob {
  index: number;
  params: Params;
  folder: string;
  inputHash: string;
}

export type JobResult =
  | { index: number; ok: true; files: ManifestFile[]; durationMs: number }
  | { index: number; ok: false; error: string; durationMs: number };

/** Written beside a learner's files after they are all in place: what --skip-unchanged reads. */
export const RECORD_FILE = '.roadmap-press.json';
export interface BuildRecord {
  inputHash: string;
  files: ManifestFile[];
}
