import { RoadmapError, type Problem } from '../errors.js';
import { ManifestSchema, summarize, type Manifest } from './manifest.js';

/** A manifest read from `file`, checked against the schema: anything else is exit 1, located. */
export function parseManifest(file: string, text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RoadmapError('data', `${file} is not a manifest: it is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems: Problem[] = parsed.error.issues.slice(0, 10).map((i) => ({
    file,
    path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n > 0 ? '.' : ''}${String(p)}`)).join(''),
    message: i.message,
  }));
  throw new RoadmapError('data', `${file} is not a roadmap-press batch manifest`, problems);
}

export interface MergeOptions {
  /** Merge even when the shards do not cover the list; the result says `"partial": true`. */
  allowPartial?: boolean;
}

/**
 * Joins the manifests of a sharded batch into one. The shards must come from the same list,
 * tool version and "now", may not both claim a learner, and together must cover the list
 * exactly (every shard of one split, every learner) unless `allowPartial`.
 */
export function mergeManifests(manifests: { file: string; manifest: Manifest }[], options: MergeOptions = {}): Manifest {
  const [first] = manifests;
  if (!first) throw new RoadmapError('usage', 'merge-manifests: give at least one manifest');
  const seen = new Map<number, string>();
  const learners: Manifest['learners'] = [];
  for (const { file, manifest } of manifests) {
    for (const key of ['list', 'version', 'now', 'listLength'] as const) {
      if (manifest[key] !== first.manifest[key]) {
        throw new RoadmapError('data', `${file}: ${key} is ${JSON.stringify(manifest[key])} but ${first.file} has ${JSON.stringify(first.manifest[key])}; these shards are from different batches`);
      }
    }
    for (const learner of manifest.learners) {
      const other = seen.get(learner.index);
      if (other !== undefined) throw new RoadmapError('data', `${file}: learner #${learner.index} is also in ${other}; shards overlap`);
      if (learner.index >= manifest.listLength) throw new RoadmapError('data', `${file}: learner #${learner.index} is beyond the list's ${manifest.listLength} rows`);
      seen.set(learner.index, file);
      learners.push(learner);
    }
  }
  const gaps = coverageGaps(manifests, seen);
  if (gaps.length > 0 && !options.allowPartial) {
    throw new RoadmapError('data', `merge-manifests: these manifests do not cover ${first.manifest.list} (use --allow-partial to merge them anyway)`, gaps.map((message) => ({ message })));
  }
  learners.sort((a, b) => a.index - b.index);
  const merged: Manifest = { ...first.manifest, shard: null, summary: summarize(learners), learners };
  if (gaps.length > 0) merged.partial = true;
  else delete merged.partial;
  return merged;
}

/** What is missing for the manifests to be the whole list: shards of the split, then learners. */
function coverageGaps(manifests: { file: string; manifest: Manifest }[], seen: Map<number, string>): string[] {
  const gaps: string[] = [];
  const counts = new Set(manifests.map((m) => m.manifest.shard?.count ?? 1));
  if (counts.size > 1) {
    const split = manifests.map((m) => `${m.file} is ${m.manifest.shard ? `${m.manifest.shard.index}/${m.manifest.shard.count}` : 'the whole list'}`);
    gaps.push(`the shards come from different splits: ${split.join(', ')}`);
  } else {
    const [count = 1] = counts;
    const have = new Set(manifests.map((m) => m.manifest.shard?.index ?? 1));
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !have.has(i));
    if (missing.length > 0) gaps.push(`missing shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  }
  const listLength = manifests[0]?.manifest.listLength ?? 0;
  const absent: number[] = [];
  for (let i = 0; i < listLength; i++) if (!seen.has(i)) absent.push(i);
  if (absent.length > 0) {
    const shown = absent.slice(0, 20).map((i) => `#${i}`).join(', ');
    gaps.push(`${absent.length} of ${listLength} learners are in no manifest: ${shown}${absent.length > 20 ? ', …' : ''}`);
  }
  return gaps;
}
