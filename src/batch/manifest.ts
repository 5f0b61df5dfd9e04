import type { ParamsInput } from '../schema/params.js';
import type { Shard } from './shard.js';

export type LearnerStatus = 'ok' | 'skipped' | 'failed' | 'invalid';

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface ManifestLearner {
  index: number;
  id: string | null;
  folder: string | null;
  params: ParamsInput;
  status: LearnerStatus;
  files: ManifestFile[];
  durationMs: number;
  inputHash: string | null;
  error: string | null;
}

export interface Manifest {
  tool: 'roadmap-press';
  version: string;
  list: string;
  shard: Shard | null;
  /** The "now" every document was built with (SOURCE_DATE_EPOCH or the batch's day). */
  now: string;
  summary: Record<LearnerStatus, number> & { total: number };
  learners: ManifestLearner[];
}

export function summarize(learners: ManifestLearner[]): Manifest['summary'] {
  const summary = { total: learners.length, ok: 0, skipped: 0, failed: 0, invalid: 0 };
  for (const l of learners) summary[l.status]++;
  return summary;
}

/** Pretty JSON with a final newline, as manifests and build records are written. */
export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}
