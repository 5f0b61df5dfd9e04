import { paramError, RoadmapError, type Problem } from '../errors.js';
import { matchChoice } from '../schema/choices.js';
import { unknownIdMessage } from '../personalize/suggest.js';
import { folderName, slugify } from '../personalize/slug.js';
import type { Project } from '../pipeline/prepare-project.js';
import { personalizeFor } from '../pipeline/build-learner.js';
import { resolveParams } from '../load/validate-document.js';
import type { Params } from '../schema/params.js';
import type { BatchEntry } from './read-list.js';

export interface PlannedBuild {
  entry: BatchEntry;
  params: Params;
  /** The roadmap id the row builds. */
  roadmap: string;
  /** The learner's folder inside the output root, unique within the whole list. */
  folder: string;
}

/** The roadmaps a batch may build: `choose` maps a row's `roadmap` (or none) to an id, or throws a parameter error. */
export interface RoadmapsOfBatch {
  choose(wanted: string | undefined): string;
  get(id: string): Pick<Project, 'roadmap' | 'translations' | 'labels' | 'version'> | undefined;
}

/** A batch of one roadmap (a lone data file, or tests): every row builds it. */
export function singleRoadmap(project: Pick<Project, 'roadmap' | 'translations' | 'labels' | 'version'>): RoadmapsOfBatch {
  const id = project.roadmap.meta.id;
  return {
    choose: (wanted) => {
      if (wanted !== undefined && matchChoice(wanted, [id]) !== id) throw paramError('roadmap', unknownIdMessage('roadmap', wanted, [id]));
      return id;
    },
    get: (which) => (which === id ? project : undefined),
  };
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
export function planBatch(projects: RoadmapsOfBatch, entries: BatchEntry[], now: Date): BatchPlan {
  const builds: PlannedBuild[] = [];
  const invalid: BatchPlan['invalid'] = [];
  // Folders are unique per roadmap: `<roadmap>/<folder>`.
  const taken = new Set<string>();
  for (const entry of entries) {
    let params: Params;
    let slug: string;
    let roadmap: string;
    try {
      params = resolveParams(entry.params, entry.where);
      roadmap = projects.choose(params.roadmap);
      const project = projects.get(roadmap);
      // choose() returns only ids it has a project for.
      if (!project) throw new Error(`no project for roadmap ${roadmap}`);
      slug = personalizeFor(project, params, now).learner.slug;
    } catch (e) {
      if (!(e instanceof RoadmapError)) throw e;
      invalid.push({ entry, problems: locate(entry, e) });
      continue;
    }
    const fromId = entry.id === undefined ? '' : slugify(entry.id);
    const base = fromId ? folderName(fromId) : slug;
    let folder = base;
    for (let n = 2; taken.has(`${roadmap}/${folder}`); n++) folder = `${base}-${n}`;
    taken.add(`${roadmap}/${folder}`);
    builds.push({ entry, params, roadmap, folder });
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
