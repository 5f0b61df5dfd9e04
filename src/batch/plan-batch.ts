import { RoadmapError, type Problem } from '../errors.js';
import { folderName, slugify } from '../personalize/slug.js';
import type { Project } from '../pipeline/prepare-project.js';
import { personalizeFor } from '../pipeline/build-learner.js';
import { resolveParams } from '../load/validate-document.js';
import type { Params } from '../schema/params.js';
import type { BatchEntry } from './read-list.js';

export interface PlannedBuild {
  entry: BatchEntry;
  params: Params;
  /** The learner's folder inside the output root, unique within the whole list. */
  folder: string;
}

export interface BatchPlan {
  builds: PlannedBuild[];
  /** Rows that cannot be built, each problem located at its row and column. */
  invalid: { entry: BatchEntry; problems: Problem[] }[];
}

/**
 * Checks every row against the data (tracks, levels, dates) before anything is built, and
 * gives each learner a folder. Folders are assigned over the whole list in list order, so a
 * collision (`Rahim` twice) resolves the same way in every shard: `rahim-llmops`,
 * `rahim-llmops-2`, …
 */
export function planBatch(project: Pick<Project, 'roadmap' | 'translations' | 'labels' | 'version'>, entries: BatchEntry[], now: Date): BatchPlan {
  const builds: PlannedBuild[] = [];
  const invalid: BatchPlan['invalid'] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    let params: Params;
    let slug: string;
    try {
      params = resolveParams(entry.params, entry.where);
      slug = personalizeFor(project, params, now).learner.slug;
    } catch (e) {
      if (!(e instanceof RoadmapError)) throw e;
      invalid.push({ entry, problems: locate(entry, e) });
      continue;
    }
    const fromId = entry.id === undefined ? '' : slugify(entry.id);
    const base = fromId ? folderName(fromId) : slug;
    let folder = base;
    for (let n = 2; taken.has(folder); n++) folder = `${base}-${n}`;
    taken.add(folder);
    builds.push({ entry, params, folder });
  }
  return { builds, invalid };
}

function locate(entry: BatchEntry, e: RoadmapError): Problem[] {
  const at = (field: string | undefined) => ({ file: entry.file, ...entry.locate(field) });
  if (e.problems.length > 0) {
    // The library names the parameter (`locale`), which is the row's column too.
    return e.problems.map((p) => ({ ...at(p.path), path: p.path, message: p.message }));
  }
  return [{ ...at(e.param), path: e.param, message: e.detail ?? e.summary }];
}
