import { join, resolve } from 'node:path';
import { buildTime } from '../personalize/calendar.js';
import { buildLearner, type LearnerBuild } from '../pipeline/build-learner.js';
import type { Project } from '../pipeline/prepare-project.js';
import type { ParamsInput } from '../schema/params.js';
import { checkRoadmapId, checkWantedRoadmap, resolveRoadmap } from './project.js';
import { prepareProject } from '../pipeline/prepare-project.js';
import { readProjectSources, type SourcePaths } from './read-sources.js';
import { openOutputRoot } from './output-root.js';
import { writeLearner } from './write-files.js';

export interface BuildToDiskOptions {
  params: ParamsInput;
  sources?: SourcePaths;
  /** Output root; each learner gets a folder inside it. Default `out`. */
  out?: string;
  /** The build time (see node/config.ts, which decides it for the CLI); default `buildTime()`. */
  now?: Date;
  /** A project already prepared (batch, watch): skips reading and validating sources. */
  project?: Project;
  /** Fillable PDF workbook (AcroForm fields). */
  fillable?: boolean;
  /** Draw characters no font covers as a replacement instead of failing. */
  allowMissingGlyphs?: boolean;
}

export interface WrittenBuild extends LearnerBuild {
  dir: string;
  files: { path: string; bytes: number }[];
}

/**
 * Reads sources, builds one learner in memory, then replaces its files as a set. Writes go to
 * the real path of `out` and never through a symlink inside it.
 */
export async function buildToDisk(options: BuildToDiskOptions): Promise<WrittenBuild> {
  const project = options.project ?? (await loadChosenProject(options.sources ?? {}, options.params.roadmap));
  checkWantedRoadmap(project.roadmap.meta.id, options.params.roadmap);
  const build = await buildLearner(project, options.params, options.now ?? buildTime(), {
    fillable: options.fillable ?? false,
    allowMissingGlyphs: options.allowMissingGlyphs ?? false,
  });
  const out = options.out ?? 'out';
  const folder = learnerFolder(project.roadmap.meta.id, build.slug);
  writeLearner(openOutputRoot(out), folder, build.artifacts);
  // Shown as the user named it; the writes above went to its real location.
  const dir = join(resolve(out), ...folder);
  const files = build.artifacts.map((a) => ({ path: join(dir, a.name), bytes: a.bytes.byteLength }));
  return { ...build, dir, files };
}

/**
 * A learner's folder inside the output root: `<roadmap>/<slug>`. The roadmap comes first, so two
 * roadmaps for one learner never share a folder while the learner's own folder name (and with
 * it the calendar UIDs, which already carry the roadmap id) stays what it was.
 */
export function learnerFolder(roadmapId: string, slug: string): [string, string] {
  return [roadmapId, slug];
}

/** The project's roadmap the run names (or the default one), read and checked: its meta.id must be its folder's name. */
export async function loadChosenProject(paths: SourcePaths, wanted: string | undefined): Promise<Project> {
  const choice = await resolveRoadmap(paths, wanted);
  const sources = { ...(await readProjectSources(choice.sources)), roadmapIds: choice.roadmapIds };
  const project = prepareProject(sources);
  checkRoadmapId(project, choice.folderId, sources.data, choice.roadmapIds);
  return project;
}
