import type { BuildOptions } from '../pipeline/build-learner.js';
import type { ProjectSources } from '../pipeline/sources.js';
import type { Params } from '../schema/params.js';
import { z } from 'zod';
import { ManifestFileSchema, type ManifestFile } from './manifest.js';

/** What a worker needs once: the sources the main thread read and hashed, where to write, and "now". */
export interface WorkerInit {
  /** Each roadmap the batch builds, by id; they share the templates and fonts objects. */
  sources: Record<string, ProjectSources>;
  out: string;
  /** The build time; a Date survives the structured clone into the worker as a Date. */
  now: Date;
  buildOptions: BuildOptions;
}

export interface BuildJob {
  index: number;
  params: Params;
  /** The roadmap id: the job's files go to `<roadmap>/<folder>` in the output root. */
  roadmap: string;
  folder: string;
  inputHash: string;
}

export type JobResult =
  | { index: number; ok: true; files: ManifestFile[]; durationMs: number }
  | { index: number; ok: false; error: string; durationMs: number };

/** Written beside a learner's files after they are all in place: what --skip-unchanged reads. */
export const RECORD_FILE = '.roadmap-press.json';
const BuildRecordSchema = z.object({ inputHash: z.string(), files: z.array(ManifestFileSchema) });
export type BuildRecord = z.infer<typeof BuildRecordSchema>;

/** A build record read from disk, or null when it is not one (hand-edited, truncated, old). */
export function parseBuildRecord(text: string): BuildRecord | null {
  try {
    const parsed = BuildRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
