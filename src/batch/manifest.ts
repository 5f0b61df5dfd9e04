import { z } from 'zod';
import type { ParamsInput } from '../schema/params.js';

/*
 * Manifests are read back (merge-manifests) and build records too (--skip-unchanged): both
 * come from disk, so they are parsed through these schemas, never trusted by a cast.
 */

const LearnerStatusSchema = z.enum(['ok', 'skipped', 'failed', 'invalid']);
export type LearnerStatus = z.infer<typeof LearnerStatusSchema>;

export const ManifestFileSchema = z.object({
  name: z.string().min(1),
  bytes: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

const ManifestLearnerSchema = z.object({
  index: z.int().nonnegative(),
  id: z.string().nullable(),
  /** The roadmap id; null for a row that names no roadmap of the project. */
  roadmap: z.string().nullable().default(null),
  /** The learner's folder inside `<out>/<roadmap>/`. */
  folder: z.string().nullable(),
  // Kept as the row gave them; a merge passes them through without interpreting them.
  params: z.custom<ParamsInput>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object'),
  status: LearnerStatusSchema,
  files: z.array(ManifestFileSchema),
  durationMs: z.number().nonnegative(),
  inputHash: z.string().nullable(),
  error: z.string().nullable(),
});
export type ManifestLearner = z.infer<typeof ManifestLearnerSchema>;

const ShardSchema = z.object({ index: z.int().min(1), count: z.int().min(1) });

export const ManifestSchema = z.object({
  tool: z.literal('roadmap-press'),
  version: z.string(),
  list: z.string(),
  /** How many rows the whole list has, so a merge can check that its shards cover it. */
  listLength: z.int().nonnegative(),
  shard: ShardSchema.nullable(),
  /** The "now" every document was built with (SOURCE_DATE_EPOCH or the batch's day). */
  now: z.string(),
  /** Set by `merge-manifests --allow-partial` when some learners of the list are missing. */
  partial: z.boolean().optional(),
  summary: z.object({ total: z.int(), ok: z.int(), skipped: z.int(), failed: z.int(), invalid: z.int() }),
  learners: z.array(ManifestLearnerSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function summarize(learners: ManifestLearner[]): Manifest['summary'] {
  const summary = { total: learners.length, ok: 0, skipped: 0, failed: 0, invalid: 0 };
  for (const l of learners) summary[l.status]++;
  return summary;
}

/** Pretty JSON with a final newline, as manifests and build records are written. */
export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}
