import { RoadmapError } from '../errors.js';
import { summarize, type Manifest } from './manifest.js';

/**
 * Joins the manifests of a sharded batch into one. The shards must come from the same list,
 * tool version and "now", and may not both claim a learner.
 */
export function mergeManifests(manifests: { file: string; manifest: Manifest }[]): Manifest {
  const [first] = manifests;
  if (!first) throw new RoadmapError('usage', 'merge-manifests: give at least one manifest');
  const seen = new Map<number, string>();
  const learners: Manifest['learners'] = [];
  for (const { file, manifest } of manifests) {
    for (const key of ['list', 'version', 'now'] as const) {
      if (manifest[key] !== first.manifest[key]) {
        throw new RoadmapError('data', `${file}: ${key} is ${JSON.stringify(manifest[key])} but ${first.file} has ${JSON.stringify(first.manifest[key])}; these shards are from different batches`);
      }
    }
    for (const learner of manifest.learners) {
      const other = seen.get(learner.index);
      if (other !== undefined) throw new RoadmapError('data', `${file}: learner #${learner.index} is also in ${other}; shards overlap`);
      seen.set(learner.index, file);
      learners.push(learner);
    }
  }
  learners.sort((a, b) => a.index - b.index);
  return { ...first.manifest, shard: null, summary: summarize(learners), learners };
}
